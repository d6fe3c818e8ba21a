import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function PlatformsPage() {
  return <SectionEmptyPage section="platforms" />;
}
