import type { ReactNode } from "react";

/**
 * The wrapper for every data table: a table wider than the screen (a phone, a zoomed page, a long name)
 * scrolls sideways inside it, and keyboard users can focus it to scroll with the arrow keys (WCAG 2.1.1).
 * A labelled region, as in Adrian Roselli's "Under-Engineered Responsive Tables"; `label` names the table.
 */
export function ScrollableTable({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`scrollable-table overflow-x-auto ${className}`.trim()}
    >
      {children}
    </div>
  );
}
