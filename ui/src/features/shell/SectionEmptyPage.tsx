import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import type { EmptySectionId } from "./sections";

/** A finished empty state that explains this step of the method in plain words. */
export function SectionEmptyPage({ section }: { section: EmptySectionId }) {
  const { t } = useTranslation();
  return (
    <Page testId={`page-${section}`} title={t(`pages.${section}.title`)} subtitle={t(`pages.${section}.subtitle`)}>
      <EmptyState
        icon={section}
        title={t(`empty.${section}.title`)}
        body={t(`empty.${section}.body`)}
        nextLabel={t("app.nextLabel")}
        next={t(`empty.${section}.next`)}
      />
    </Page>
  );
}
