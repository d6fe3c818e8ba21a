import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Spinner";
import type { Catalog, Platform, PlatformSetup } from "../../lib/api";
import { useWorkspace } from "../../lib/queries";
import { AccountDesignEditor, CompletenessMeter } from "./AccountDesignEditor";
import { useLocalize } from "./localize";
import { PlatformReference } from "./PlatformReference";
import { PlatformWizard, defaultAnswers } from "./PlatformWizard";
import { useAccountDesign, usePlatformCatalog, usePlatformSetup, useWizardPersonas, withBuilderPersonas } from "./queries";

type Tab = "mine" | "reference";
type Mode = { kind: "overview" } | { kind: "wizard" } | { kind: "design"; platform: Platform };

function ActiveCard({ platform, position, onEdit }: { platform: Platform; position: number; onEdit: () => void }) {
  const { t } = useTranslation();
  const loc = useLocalize();
  const design = useAccountDesign(platform.id);
  return (
    <li className="card active-platform" data-testid={`active-platform-${platform.id}`}>
      <div className="active-platform__head">
        <span className="active-platform__position">{position}</span>
        <h2 className="active-platform__name">{loc(platform.names)}</h2>
      </div>
      <p className="active-platform__summary">{loc(platform.summary)}</p>
      {design.data && <CompletenessMeter design={design.data} testId={`active-platform-${platform.id}-completeness`} />}
      {design.data && design.data.design.concept && <p className="active-platform__concept">“{design.data.design.concept}”</p>}
      <Button onClick={onEdit} data-testid={`edit-design-${platform.id}`}>
        {t("platforms.mine.editDesign")}
      </Button>
    </li>
  );
}

function Mine({ setup, catalog, onWizard, onDesign }: { setup: PlatformSetup; catalog: Catalog; onWizard: () => void; onDesign: (p: Platform) => void }) {
  const { t } = useTranslation();
  const loc = useLocalize();
  const active = setup.active
    .map((a) => catalog.platforms.find((p) => p.id === a.platformId))
    .filter((p): p is Platform => p !== undefined);
  return (
    <div className="platforms-mine">
      {setup.warning && (
        <p className="platforms-warning" role="status" data-testid="platforms-warning">
          {loc(setup.warning)}
        </p>
      )}
      {active.length === 0 ? (
        <>
          <EmptyState
            icon="platforms"
            title={t("empty.platforms.title")}
            body={t("empty.platforms.body")}
            nextLabel={t("app.nextLabel")}
            next={t("empty.platforms.next")}
          />
          <div className="button-row platforms-mine__start">
            <Button variant="primary" onClick={onWizard} data-testid="platforms-start-wizard">
              {t("platforms.mine.startWizard")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <div className="platforms-mine__bar">
            <p>{t("platforms.mine.intro", { count: active.length })}</p>
            <Button onClick={onWizard} data-testid="platforms-rerun-wizard">
              {t("platforms.mine.rerun")}
            </Button>
          </div>
          <ol className="active-platforms" data-testid="active-platforms">
            {active.map((p, i) => (
              <ActiveCard key={p.id} platform={p} position={i + 1} onEdit={() => onDesign(p)} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** Platforms: the chosen platforms with their account design, the wizard, and the reference. */
export function PlatformsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("mine");
  const [mode, setMode] = useState<Mode>({ kind: "overview" });
  const setup = usePlatformSetup();
  const builderPersonas = useWizardPersonas();
  const catalog = usePlatformCatalog();
  const workspace = useWorkspace();

  let content;
  if (tab === "reference") {
    content = <PlatformReference />;
  } else if (setup.isPending || catalog.isPending || builderPersonas.isPending) {
    content = <Loading label={t("platforms.loading")} />;
  } else if (setup.error || catalog.error) {
    const error = setup.error ?? catalog.error;
    content = (
      <Alert
        message={error?.message ?? ""}
        onRetry={() => {
          void setup.refetch();
          void catalog.refetch();
        }}
      />
    );
  } else if (mode.kind === "wizard") {
    content = (
      <PlatformWizard
        catalog={catalog.data}
        initial={withBuilderPersonas(
          setup.data.wizardAnswers ?? defaultAnswers(workspace.data?.audience ?? "b2c"),
          builderPersonas.data ?? [],
        )}
        onDone={() => setMode({ kind: "overview" })}
        onCancel={() => setMode({ kind: "overview" })}
      />
    );
  } else if (mode.kind === "design") {
    content = <AccountDesignEditor platform={mode.platform} onClose={() => setMode({ kind: "overview" })} />;
  } else {
    content = (
      <Mine
        setup={setup.data}
        catalog={catalog.data}
        onWizard={() => setMode({ kind: "wizard" })}
        onDesign={(platform) => setMode({ kind: "design", platform })}
      />
    );
  }

  return (
    <Page testId="page-platforms" title={t("pages.platforms.title")} subtitle={t("pages.platforms.subtitle")}>
      <div className="segmented platforms-tabs" role="group" aria-label={t("platforms.tabs.label")}>
        {(["mine", "reference"] as const).map((id) => (
          <button
            key={id}
            type="button"
            className="segmented__option"
            aria-pressed={tab === id}
            onClick={() => setTab(id)}
            data-testid={`platforms-tab-${id}`}
          >
            {t(`platforms.tabs.${id}`)}
          </button>
        ))}
      </div>
      {content}
    </Page>
  );
}
