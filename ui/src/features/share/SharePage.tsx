import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function SharePage() {
  return <SectionEmptyPage section="share" />;
}
