import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function ObjectivesPage() {
  return <SectionEmptyPage section="objectives" />;
}
