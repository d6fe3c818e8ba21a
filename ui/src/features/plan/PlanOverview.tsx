import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Icon } from "../../components/icons";
import { Page } from "../../components/Page";
import type { Workspace } from "../../lib/api";
import { useNavigation } from "../shell/navigation";
import { METHOD_CHAIN } from "../shell/sections";

/** The method as one visible chain; each link opens its section. */
export function PlanOverview({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  return (
    <Page testId="page-plan" title={t("pages.plan.title")} subtitle={t("pages.plan.subtitle")}>
      <div className="welcome-banner">
        <h2 className="welcome-banner__title">{t("plan.welcome", { name: workspace.name })}</h2>
        <p className="welcome-banner__text">{t("plan.intro")}</p>
      </div>
      <ol className="chain" aria-label={t("plan.chainLabel")}>
        {METHOD_CHAIN.map((id, index) => (
          <li key={id} className="chain__step" data-testid={`plan-step-${id}`}>
            <span className="chain__marker" aria-hidden="true">
              {index + 1}
            </span>
            <article className="card chain__card">
              <Icon name={id} className="chain__icon" />
              <div className="chain__content">
                <p className="chain__number">{t("plan.stepNumber", { n: index + 1 })}</p>
                <h3 className="chain__title">{t(`plan.steps.${id}.title`)}</h3>
                <p className="chain__body">{t(`plan.steps.${id}.body`)}</p>
              </div>
              <Button className="chain__action" onClick={() => navigate(id, { focusHeading: true })}>
                <span>{t("plan.open", { section: t(`nav.${id}`) })}</span>
                <Icon name="arrowRight" />
              </Button>
            </article>
          </li>
        ))}
      </ol>
    </Page>
  );
}
