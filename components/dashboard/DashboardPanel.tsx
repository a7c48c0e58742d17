import type { ReactNode } from "react";

/** One panel of the dashboard: a section with its heading, a CSV download and its content. */
export function DashboardPanel({
  id,
  title,
  csvHref,
  intro,
  moreHref,
  children,
}: {
  id: string;
  title: string;
  csvHref: string;
  intro?: ReactNode;
  /** On the overview: the panel's own page with every table. */
  moreHref?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="mb-12 border-t-4 border-nhs-blue bg-white p-4 sm:p-6 print:border-t-2 print:p-0"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-6">
        <h2 id={`${id}-heading`}>{title}</h2>
        <a href={csvHref} className="no-print mb-4 text-base" download>
          Download {title.toLowerCase()} as CSV
        </a>
      </div>
      {intro && <div className="mb-4 max-w-4xl text-base text-nhs-secondary-text [&>p]:mb-2">{intro}</div>}
      {children}
      {moreHref && (
        <p className="no-print mb-0 mt-2 text-base font-bold">
          <a href={moreHref}>
            All the {title.toLowerCase()} figures<span className="sr-only"> on their own page</span>
          </a>
        </p>
      )}
    </section>
  );
}

/** Headline figures: a few numbers with words. */
export function Figures({ items }: { items: { label: string; value: string; detail?: string }[] }) {
  return (
    <dl className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="border-l-4 border-nhs-blue bg-nhs-grey-5 p-3">
          <dt className="text-base">{item.label}</dt>
          <dd className="text-2xl font-bold">{item.value}</dd>
          {item.detail && <dd className="text-sm text-nhs-secondary-text">{item.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** Percent with no decimals, or a dash when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–";
}
