import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import type { Workspace } from "../../lib/api";
import { toWorkspaceInput } from "../../lib/api";
import { useSaveWorkspace } from "../../lib/queries";
import { LanguageSelect } from "../workspace/ProfileFields";

/**
 * Saving the language switches the UI at once (App follows the stored workspace).
 * The select stays enabled while saving: disabling it would drop keyboard focus.
 */
export function LanguageSection({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const save = useSaveWorkspace();
  const shown = save.isPending ? save.variables.language : workspace.language;
  return (
    <section className="card settings-section" aria-labelledby="settings-language-title">
      <h2 className="settings-section__title" id="settings-language-title">
        {t("settings.language.title")}
      </h2>
      <LanguageSelect
        testId="settings-language"
        label={t("settings.language.label")}
        hint={t("settings.language.hint")}
        value={shown}
        busy={save.isPending}
        onChange={(language) => save.mutate({ ...toWorkspaceInput(workspace), language })}
      />
      {save.error && <Alert message={save.error.message} />}
    </section>
  );
}
