import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function MediaPage() {
  return <SectionEmptyPage section="media" />;
}
