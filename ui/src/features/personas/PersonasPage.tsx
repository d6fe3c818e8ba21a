import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function PersonasPage() {
  return <SectionEmptyPage section="personas" />;
}
