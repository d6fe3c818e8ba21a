import { SectionEmptyPage } from "../shell/SectionEmptyPage";

export function CalendarPage() {
  return <SectionEmptyPage section="calendar" />;
}
