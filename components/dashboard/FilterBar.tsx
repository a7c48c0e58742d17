import { monthParam, type DashboardFilters } from "@/lib/dashboard/filters";
import type { DashboardReference } from "@/lib/dashboard/queries";
import { InsetText } from "@/components/ui/Panels";
import { Button } from "@/components/ui/Button";

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
  const input = "block border-2 border-nhs-grey-1 bg-white px-2 py-1.5 text-nhs-text";
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
        <div>
          <label htmlFor="filter-from" className="mb-1 block font-bold">
            From (month)
          </label>
          <span id="filter-from-hint" className="mb-1 block text-sm text-nhs-secondary-text">
            For example, 2025-01
          </span>
          <input
            id="filter-from"
            name="from"
            type="month"
            defaultValue={monthParam(filters.from)}
            aria-describedby="filter-from-hint"
            className={input}
          />
        </div>
        <div>
          <label htmlFor="filter-to" className="mb-1 block font-bold">
            To (month)
          </label>
          <span id="filter-to-hint" className="mb-1 block text-sm text-nhs-secondary-text">
            For example, 2026-10
          </span>
          <input
            id="filter-to"
            name="to"
            type="month"
            defaultValue={monthParam(filters.to)}
            aria-describedby="filter-to-hint"
            className={input}
          />
        </div>
        <div>
          <label htmlFor="filter-area" className="mb-1 block font-bold">
            Priority area
          </label>
          <select id="filter-area" name="area" defaultValue={filters.area ?? ""} className={input}>
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
              className={`${input} max-w-xs`}
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
