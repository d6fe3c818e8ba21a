import { useTranslation } from "react-i18next";
import { Icon } from "../../components/icons";
import type { Criterion, ObjectiveInput } from "../../lib/api";
import { useObjectiveReview } from "../strategy/queries";

const CRITERIA = ["specific", "measurable", "achievable", "relevant", "timeBound"] as const;

/** The live SMART checklist and calm warnings, both computed by plotline-core. */
export function Guidance({ input }: { input: ObjectiveInput }) {
  const { t } = useTranslation();
  const review = useObjectiveReview(input);
  const data = review.data;
  const metCount = data ? CRITERIA.filter((c) => data.smart[c].met).length : 0;
  return (
    <aside className="guidance" aria-label={t("strategy.objectives.guidance")}>
      <section className="card guidance__card" data-testid="smart-check" aria-live="polite">
        <h3 className="guidance__title">{t("strategy.smart.title")}</h3>
        {!data ? (
          <p className="strategy-muted">{t("strategy.smart.checking")}</p>
        ) : (
          <>
            <p className="guidance__summary">{t("strategy.smart.summary", { met: metCount })}</p>
            <ul className="smart-list">
              {CRITERIA.map((c) => {
                const criterion: Criterion = data.smart[c];
                const state = criterion.met ? "met" : criterion.question ? "question" : "unmet";
                return (
                  <li key={c} className={`smart-item smart-item--${state}`} data-testid={`smart-${c}`} data-state={state}>
                    <span className="smart-item__mark" aria-hidden="true">
                      {criterion.met ? "✓" : criterion.question ? "?" : "○"}
                    </span>
                    <span className="smart-item__text">
                      <strong>{t(`strategy.smart.${c}`)}</strong>
                      <span className="visually-hidden">
                        {" — "}
                        {criterion.met
                          ? t("strategy.smart.met")
                          : criterion.question
                            ? t("strategy.smart.question")
                            : t("strategy.smart.notMet")}
                      </span>
                      <span className="smart-item__reason">{t(`strategy.smartReason.${criterion.reason}`)}</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <section className="card guidance__card" data-testid="objective-warnings" aria-live="polite">
        <h3 className="guidance__title">{t("strategy.objectives.guidance")}</h3>
        {data && data.warnings.length === 0 && <p className="strategy-muted">{t("strategy.objectives.noWarnings")}</p>}
        {data && data.warnings.length > 0 && (
          <ul className="warning-list">
            {data.warnings.map((w) => (
              <li key={w.code} className="strategy-warning" data-testid={`warning-${w.code}`}>
                <Icon name="alert" className="strategy-warning__icon" />
                <span>
                  <strong className="strategy-warning__title">{t(`strategy.warning.${w.code}.title`)}</strong>
                  <span className="strategy-warning__why">{t(`strategy.warning.${w.code}.why`)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
