import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function ResultsPage() {
  return <SectionEmptyPage section="results" />;
}
