import { monthParam, type DashboardFilters } from "@/lib/dashboard/filters";
import type { DashboardReference } from "@/lib/dashboard/queries";
import { InsetText } from "@/components/ui/Panels";
import { Button } from "@/components/ui/Button";

const INPUT = "block border-2 border-nhs-grey-1 bg-white px-2 py-1.5 text-nhs-text";

/** One end of the period, as a month picker with an example of the format. */
function MonthFilter({
  name,
  label,
  example,
  value,
}: {
  name: "from" | "to";
  label: string;
  example: string;
  value: DashboardFilters["from"];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block font-bold">
        {label}
      </label>
      <span id={`filter-${name}-hint`} className="mb-1 block text-sm text-nhs-secondary-text">
        {`For example, ${example}`}
      </span>
      <input
        id={`filter-${name}`}
        name={name}
        type="month"
        defaultValue={monthParam(value)}
        aria-describedby={`filter-${name}-hint`}
        className={INPUT}
      />
    </div>
  );
}

/**
 * The filters as a GET form: they live in the URL, so a filtered view can be bookmarked, shared and
 * printed, and the form works without JavaScript.
 */
export function FilterBar({
  action,
  filters,
  reference,
  showCollaborative,
}: {
  action: string;
  filters: DashboardFilters;
  reference: DashboardReference;
  showCollaborative: boolean;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Dashboard filters"
      className="no-print mb-8 bg-white p-4 sm:p-6"
    >
      <h2 className="text-xl sm:text-2xl">Filter the figures</h2>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
        <MonthFilter name="from" label="From (month)" example="2025-01" value={filters.from} />
        <MonthFilter name="to" label="To (month)" example="2026-10" value={filters.to} />
        <div>
          <label htmlFor="filter-area" className="mb-1 block font-bold">
            Priority area
          </label>
          <select id="filter-area" name="area" defaultValue={filters.area ?? ""} className={INPUT}>
            <option value="">All priority areas</option>
            {reference.areas.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {showCollaborative && (
          <div>
            <label htmlFor="filter-collaborative" className="mb-1 block font-bold">
              Collaborative
            </label>
            <select
              id="filter-collaborative"
              name="collaborative"
              defaultValue={filters.collaborative ?? ""}
              className={`${INPUT} max-w-xs`}
            >
              <option value="">All 15 collaboratives</option>
              {reference.collaboratives.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {filters.map !== "projects" && <input type="hidden" name="map" value={filters.map} />}
        <Button className="mb-0!">Apply filters</Button>
        <a href={action} className="py-2.5">
          Clear filters
        </a>
      </div>
    </form>
  );
}

/** Filter values that were not understood: said plainly, never an error page. */
export function FilterNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <InsetText>
      <h2 className="mb-2 text-xl">Some filters were not used</h2>
      <ul className="mb-0 list-disc pl-6" data-testid="filter-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </InsetText>
  );
}
