import { SectionEmptyPage } from "../shell/SectionEmptyPage";
import { CalDavPublishPanel } from "../connections/CalDavPublishPanel";

export function SharePage() {
  return (
    <>
      <SectionEmptyPage section="share" />
      <CalDavPublishPanel />
    </>
  );
}
