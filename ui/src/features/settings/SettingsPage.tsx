import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";
import type { Workspace } from "../../lib/api";
import { AboutSection } from "./AboutSection";
import { BackupSection } from "./BackupSection";
import { ConnectionsSection } from "../connections/ConnectionsSection";
import { DataSection } from "./DataSection";
import { LanguageSection } from "./LanguageSection";
import { ProfileSection } from "./ProfileSection";

export function SettingsPage({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  return (
    <Page testId="page-settings" title={t("pages.settings.title")} subtitle={t("pages.settings.subtitle")}>
      <div className="settings-grid">
        <ProfileSection workspace={workspace} />
        <LanguageSection workspace={workspace} />
        <DataSection workspace={workspace} />
        <BackupSection />
        <ConnectionsSection />
        <AboutSection />
      </div>
    </Page>
  );
}
