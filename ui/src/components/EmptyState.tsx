import { Illustration } from "./icons";
import type { IconName } from "./icons";

type EmptyStateProps = {
  icon: IconName;
  title: string;
  body: string;
  nextLabel: string;
  next: string;
};

export function EmptyState({ icon, title, body, nextLabel, next }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <Illustration name={icon} />
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__body">{body}</p>
      <p className="empty-state__next">
        <span className="empty-state__next-label">{nextLabel}</span>
        <span>{next}</span>
      </p>
    </div>
  );
}
