import type { ReactNode } from "react";

/**
 * The wrapper for every data table: a table wider than the screen (a phone, a zoomed page, a long name)
 * scrolls sideways inside it, and keyboard users can focus it to scroll with the arrow keys (WCAG 2.1.1).
 * A labelled region, as in Adrian Roselli's "Under-Engineered Responsive Tables"; `label` names the table.
 */
export function ScrollableTable({
  id,
  label,
  className = "",
  children,
}: {
  /** For a link to the table (an error summary's line about the whole table). */
  id?: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`scrollable-table overflow-x-auto ${className}`.trim()}
    >
      {children}
    </div>
  );
}

/** A column heading: its text, and whether it heads numbers (right-aligned) or has its own classes. */
export type Column = string | { label: ReactNode; numeric?: boolean; className?: string };

/**
 * The heading row of a data table. `cell`: the padding every heading cell shares, with a rule under the
 * row; without it (the dashboard's tables) the look comes from the surrounding styles.
 */
export function TableHead({ columns, cell }: { columns: Column[]; cell?: string }) {
  return (
    <thead>
      <tr className={cell ? "border-b-2 border-nhs-grey-3" : undefined}>
        {columns.map((column, i) => {
          const { label, numeric, className } = typeof column === "string" ? { label: column } : column;
          const padding = cell ?? "";
          return (
            <th
              key={i}
              scope="col"
              className={className ?? (numeric ? `${padding} text-right`.trim() : padding || undefined)}
            >
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
