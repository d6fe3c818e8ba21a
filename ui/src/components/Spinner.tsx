import { cx } from "./cx";

export function Spinner({ className }: { className?: string }) {
  return <span className={cx("spinner", className)} aria-hidden="true" />;
}

/** A quiet loading indicator that screen readers announce. */
export function Loading({ label, className }: { label: string; className?: string }) {
  return (
    <div className={cx("loading", className)} role="status" aria-busy="true">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
