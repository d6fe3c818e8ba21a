import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Icon } from "../../components/icons";
import { Page } from "../../components/Page";
import type { PitfallCode, PlanStep, Workspace } from "../../lib/api";
import { useNavigation } from "../shell/navigation";
import { METHOD_CHAIN } from "../shell/sections";
import { usePlanOverview } from "../strategy/queries";
import { DueTodayPanel } from "../handoff/DueTodayPanel";

/** Where each pitfall is fixed. */
const PITFALL_SECTION: Record<PitfallCode, "objectives" | "platforms" | "pillars"> = {
  no_objective: "objectives",
  vanity_metrics_only: "objectives",
  too_many_platforms: "platforms",
  promotion_heavy_mix: "pillars",
};

/** The method as one visible chain; each link shows its state and what is missing, and opens its section. */
export function PlanOverview({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const overview = usePlanOverview();
  const stepOf = (id: string): PlanStep | undefined => overview.data?.steps.find((s) => s.step === id);
  const pitfalls = overview.data?.pitfalls ?? [];

  const countText = (step: PlanStep) => {
    if (step.step === "objectives") return t("strategy.plan.count.objectives", { count: step.count });
    if (step.step === "personas") return t("strategy.plan.count.personas", { count: step.count });
    if (step.status === "missing" || step.status === "not_started") return null;
    if (step.step === "platforms") return t("strategy.plan.count.platforms", { count: step.count });
    if (step.step === "pillars") return t("strategy.plan.count.pillars", { count: step.count });
    if (step.step === "calendar") return t("strategy.plan.count.calendar", { count: step.count });
    return null;
  };

  return (
    <Page testId="page-plan" title={t("pages.plan.title")} subtitle={t("pages.plan.subtitle")}>
      <div className="welcome-banner">
        <h2 className="welcome-banner__title">{t("plan.welcome", { name: workspace.name })}</h2>
        <p className="welcome-banner__text">{t("plan.intro")}</p>
      </div>
      <DueTodayPanel workspace={workspace} />
      {overview.isError && (
        <Alert
          title={t("strategy.plan.loadError")}
          message={overview.error.message}
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
      )}
      {pitfalls.length > 0 && (
        <section className="pitfalls" data-testid="plan-pitfalls" aria-labelledby="plan-pitfalls-title">
          <h2 className="pitfalls__title" id="plan-pitfalls-title">
            {t("strategy.plan.pitfallsTitle")}
          </h2>
          <ul className="warning-list">
            {pitfalls.map((p) => (
              <li key={p.code} className="strategy-warning" data-testid={`pitfall-${p.code}`}>
                <Icon name="alert" className="strategy-warning__icon" />
                <span>
                  <strong className="strategy-warning__title">{t(`strategy.plan.pitfall.${p.code}.title`)}</strong>
                  <span className="strategy-warning__why">{t(`strategy.plan.pitfall.${p.code}.why`)}</span>
                </span>
                <Button
                  variant="ghost"
                  className="pitfall__link"
                  data-testid={`pitfall-link-${p.code}`}
                  onClick={() => navigate(PITFALL_SECTION[p.code], { focusHeading: true })}
                  aria-label={`${t("strategy.plan.pitfallLink")}: ${t(`nav.${PITFALL_SECTION[p.code]}`)}`}
                >
                  {t("strategy.plan.pitfallLink")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ol className="chain" aria-label={t("plan.chainLabel")}>
        {METHOD_CHAIN.map((id, index) => {
          const step = stepOf(id);
          const count = step ? countText(step) : null;
          return (
            <li
              key={id}
              className="chain__step"
              data-testid={`plan-step-${id}`}
              data-status={step?.status ?? "loading"}
            >
              <span className="chain__marker" aria-hidden="true">
                {index + 1}
              </span>
              <article className="card chain__card">
                <Icon name={id} className="chain__icon" />
                <div className="chain__content">
                  <p className="chain__number">
                    {t("plan.stepNumber", { n: index + 1 })}
                    {step && (
                      <span className={`step-status step-status--${step.status}`} data-testid={`plan-status-${id}`}>
                        <span className="visually-hidden">{t("strategy.plan.statusLabel")}: </span>
                        {t(`strategy.plan.status.${step.status}`)}
                      </span>
                    )}
                  </p>
                  <h3 className="chain__title">{t(`plan.steps.${id}.title`)}</h3>
                  <p className="chain__body">{t(`plan.steps.${id}.body`)}</p>
                  {count && (
                    <p className="chain__count" data-testid={`plan-count-${id}`}>
                      {count}
                    </p>
                  )}
                  {step && step.missing.length > 0 && (
                    <ul className="chain__missing" aria-label={t("strategy.plan.missingTitle")}>
                      {step.missing.map((m) => (
                        <li key={m.code}>{t(`strategy.plan.missing.${m.code}`, { count: m.count })}</li>
                      ))}
                    </ul>
                  )}
                  {step?.status === "not_started" && <p className="chain__later">{t("strategy.plan.notBuilt")}</p>}
                </div>
                <Button className="chain__action" onClick={() => navigate(id, { focusHeading: true })}>
                  <span>{t("plan.open", { section: t(`nav.${id}`) })}</span>
                  <Icon name="arrowRight" />
                </Button>
              </article>
            </li>
          );
        })}
      </ol>
    </Page>
  );
}
