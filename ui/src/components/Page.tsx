import { useId } from "react";
import type { ReactNode } from "react";

type PageProps = {
  testId: string;
  title: string;
  subtitle: string;
  children: ReactNode;
};

export function PageHeader({ title, subtitle, headingId }: { title: string; subtitle: string; headingId?: string }) {
  return (
    <header className="page-header">
      <h1 className="page-header__title" id={headingId} data-testid="page-title" tabIndex={-1}>
        {title}
      </h1>
      <p className="page-header__subtitle">{subtitle}</p>
    </header>
  );
}

/** A page root: a labelled region with the page header on top. */
export function Page({ testId, title, subtitle, children }: PageProps) {
  const headingId = useId();
  return (
    <section className="page" data-testid={testId} aria-labelledby={headingId}>
      <PageHeader title={title} subtitle={subtitle} headingId={headingId} />
      {children}
    </section>
  );
}
