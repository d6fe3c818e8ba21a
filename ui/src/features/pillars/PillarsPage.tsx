import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function PillarsPage() {
  return <SectionEmptyPage section="pillars" />;
}
