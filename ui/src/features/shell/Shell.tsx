import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Workspace } from "../../lib/api";
import { CalendarPage } from "../calendar/CalendarPage";
import { MediaPage } from "../media/MediaPage";
import { ObjectivesPage } from "../objectives/ObjectivesPage";
import { PersonasPage } from "../personas/PersonasPage";
import { PillarsPage } from "../pillars/PillarsPage";
import { PlanOverview } from "../plan/PlanOverview";
import { PlatformsPage } from "../platforms/PlatformsPage";
import { ResultsPage } from "../results/ResultsPage";
import { SettingsPage } from "../settings/SettingsPage";
import { SharePage } from "../share/SharePage";
import { NavigationContext } from "./navigation";
import type { Navigation, NavigateOptions } from "./navigation";
import type { SectionId } from "./sections";
import { Sidebar } from "./Sidebar";

function CurrentPage({ section, workspace }: { section: SectionId; workspace: Workspace }) {
  switch (section) {
    case "plan":
      return <PlanOverview workspace={workspace} />;
    case "objectives":
      return <ObjectivesPage />;
    case "personas":
      return <PersonasPage />;
    case "platforms":
      return <PlatformsPage />;
    case "pillars":
      return <PillarsPage />;
    case "calendar":
      return <CalendarPage />;
    case "media":
      return <MediaPage />;
    case "results":
      return <ResultsPage />;
    case "share":
      return <SharePage />;
    case "settings":
      return <SettingsPage workspace={workspace} />;
  }
}

/** The signed-in layout: sidebar navigation and the current page. Opens on the Plan overview. */
export function Shell({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<SectionId>("plan");
  const mainRef = useRef<HTMLElement>(null);
  const focusHeadingNext = useRef(false);

  const navigate = useCallback((section: SectionId, options?: NavigateOptions) => {
    focusHeadingNext.current = options?.focusHeading === true;
    setCurrent(section);
  }, []);

  useEffect(() => {
    if (!focusHeadingNext.current) return;
    focusHeadingNext.current = false;
    mainRef.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [current]);

  const navigation = useMemo<Navigation>(() => ({ current, navigate }), [current, navigate]);

  return (
    <NavigationContext value={navigation}>
      <div className="shell">
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <Sidebar workspace={workspace} />
        <main className="shell__main" id="main" ref={mainRef} tabIndex={-1}>
          <CurrentPage section={current} workspace={workspace} />
        </main>
      </div>
    </NavigationContext>
  );
}
