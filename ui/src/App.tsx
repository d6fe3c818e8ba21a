import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "./components/Alert";
import { Loading } from "./components/Spinner";
import { Shell } from "./features/shell/Shell";
import { Welcome } from "./features/workspace/Welcome";
import { setUiLanguage } from "./i18n";
import type { Language } from "./lib/api";
import { useSystemDefaults, useWorkspace } from "./lib/queries";

/**
 * The UI language follows the workspace (stored in SQLite). Before a workspace exists it
 * follows the system default, or what the user picked on the welcome screen (kept in memory only).
 */
function useUiLanguage(workspaceLanguage: Language | undefined) {
  const defaults = useSystemDefaults();
  const [chosenBeforeSetup, setChosenBeforeSetup] = useState<Language | null>(null);
  const language = workspaceLanguage ?? chosenBeforeSetup ?? defaults.data?.language ?? "en";
  useEffect(() => {
    setUiLanguage(language);
  }, [language]);
  return [language, setChosenBeforeSetup] as const;
}

export function App() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [language, setLanguage] = useUiLanguage(workspace.data?.language);

  if (workspace.isError) {
    return (
      <main className="centered">
        <Alert
          title={t("app.loadErrorTitle")}
          message={workspace.error.message}
          onRetry={() => void workspace.refetch()}
          retrying={workspace.isFetching}
        />
      </main>
    );
  }
  if (workspace.isPending) {
    return (
      <main className="centered">
        <Loading label={t("app.loading")} />
      </main>
    );
  }
  if (workspace.data === null) {
    return <Welcome language={language} onLanguageChange={setLanguage} />;
  }
  return <Shell workspace={workspace.data} />;
}
