import { useTranslation } from "react-i18next";
import { cx } from "../../components/cx";
import { Icon, LogoMark } from "../../components/icons";
import type { Workspace } from "../../lib/api";
import { useNavigation } from "./navigation";
import { SECTION_IDS } from "./sections";

export function Sidebar({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const { current, navigate } = useNavigation();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <LogoMark />
        <div className="sidebar__brand-text">
          <span className="sidebar__app-name">{t("app.name")}</span>
          <span className="sidebar__business" data-testid="sidebar-business-name">
            {workspace.name}
          </span>
        </div>
      </div>
      {workspace.isSample && <p className="badge sidebar__badge">{t("app.sampleBadge")}</p>}
      <nav className="nav" aria-label={t("nav.label")}>
        <ul className="nav__list">
          {SECTION_IDS.map((id) => (
            <li key={id} className={cx("nav__item", id === "settings" && "nav__item--separated")}>
              <button
                type="button"
                className="nav__link"
                data-testid={`nav-${id}`}
                aria-current={id === current ? "page" : undefined}
                onClick={() => navigate(id)}
              >
                <Icon name={id} />
                <span>{t(`nav.${id}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
