import type { ReactNode } from "react";
import { filtersQuery, monthStart, type DashboardFilters, type MapMetric } from "@/lib/dashboard/filters";
import { mapValues } from "@/lib/dashboard/map-values";
import type { DashboardData } from "@/lib/dashboard/queries";
import { formatDateTime, formatMonth } from "@/lib/format";
import { CoveragePanel } from "./CoveragePanel";
import { ConcernsPanel } from "./ConcernsPanel";
import { FilterBar, FilterNotes } from "./FilterBar";
import { FunnelPanel } from "./FunnelPanel";
import { HarmPanel } from "./HarmPanel";
import { ImprovementPanel } from "./ImprovementPanel";
import { MapPanel } from "./MapPanel";
import { SpreadPanel } from "./SpreadPanel";

/** The panels: each is on the overview in short, and on a page of its own in full. */
export const DASHBOARD_PANELS = {
  coverage: "Coverage",
  improvement: "Improvement found",
  "patients-voice": "Patients’ voice",
  spread: "Spread",
  "sign-up-to-safety": "Sign up to Safety",
  comparing: "Comparing collaboratives",
  map: "Map",
} as const;
export type DashboardPanelId = keyof typeof DASHBOARD_PANELS;
export const isDashboardPanel = (value: string): value is DashboardPanelId => value in DASHBOARD_PANELS;

/**
 * The dashboard, national or one collaborative's: the same panels either way. `path` is the overview
 * (`path/<panel>` a panel's own page) and `csvPath` the CSV route prefix; links keep the filters.
 * The overview shows each panel in short, so that it stays quick to serve and to read; a panel's
 * page (`panel`) shows every table, and the map.
 */
export function DashboardView({
  title,
  lede,
  path,
  csvPath,
  filters,
  notes,
  data,
  collaborativeScope,
  panel,
}: {
  title: string;
  lede: ReactNode;
  path: string;
  csvPath: string;
  filters: DashboardFilters;
  notes: string[];
  data: DashboardData;
  /** Set on a collaborative's own dashboard: the collaborative filter is fixed. */
  collaborativeScope?: string;
  /** A panel's own page; the overview when absent. */
  panel?: DashboardPanelId;
}) {
  const query = filtersQuery(filters, {}, { omitCollaborative: Boolean(collaborativeScope) });
  const csv = (panel: string) => `${csvPath}/${panel}?${query}`;
  const areaName = filters.area ? data.reference.areas.find((a) => a.key === filters.area)?.name : null;
  const collaborativeName = filters.collaborative
    ? data.reference.collaboratives.find((c) => c.slug === filters.collaborative)?.name
    : null;
  const scoped = { omitCollaborative: Boolean(collaborativeScope) };
  const hrefForMetric = (metric: MapMetric) => `${path}/map?${filtersQuery(filters, { map: metric }, scoped)}`;
  const more = (id: DashboardPanelId) => (panel ? undefined : `${path}/${id}?${query}`);
  const shows = (id: DashboardPanelId) => !panel || panel === id;
  return (
    <>
      {panel && (
        <a href={`${path}?${query}`} className="no-print mb-6 inline-block text-base">
          ‹ Back to the whole dashboard
        </a>
      )}
      <h1>{panel ? `${DASHBOARD_PANELS[panel]} – ${title}` : title}</h1>
      {!panel && <div className="mb-6 max-w-3xl text-xl">{lede}</div>}
      <p className="mb-2" data-testid="figures-as-of">
        <strong>
          {data.refreshedAt
            ? `Figures as of ${formatDateTime(data.refreshedAt)}.`
            : "The figures have not been calculated yet."}
        </strong>{" "}
        They are recalculated every 5 minutes when the data have changed.
      </p>
      <p className="mb-6" data-testid="filter-summary">
        Showing {formatMonth(monthStart(filters.from))} to {formatMonth(monthStart(filters.to))},{" "}
        {areaName ? `priority area: ${areaName}` : "all priority areas"},{" "}
        {collaborativeName ? collaborativeName : "all 15 collaboratives"}.
      </p>
      <FilterNotes notes={notes} />
      <FilterBar
        action={panel ? `${path}/${panel}` : path}
        filters={filters}
        reference={data.reference}
        showCollaborative={!collaborativeScope}
      />
      {!panel && (
        <nav aria-label="Dashboard panels" className="no-print mb-8">
          <h2 className="text-xl sm:text-2xl">Contents</h2>
          <ul className="mb-0 flex flex-wrap gap-x-6 gap-y-1">
            {(Object.keys(DASHBOARD_PANELS) as DashboardPanelId[]).map((id) => (
              <li key={id}>
                <a href={`#${id}`}>{DASHBOARD_PANELS[id]}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {shows("coverage") && (
        <CoveragePanel coverage={data.coverage} csvHref={csv("coverage")} moreHref={more("coverage")} />
      )}
      {shows("improvement") && (
        <ImprovementPanel improvement={data.improvement} csvHref={csv("improvement")} moreHref={more("improvement")} />
      )}
      {shows("patients-voice") && (
        <ConcernsPanel concerns={data.concerns} csvHref={csv("concerns")} moreHref={more("patients-voice")} />
      )}
      {shows("spread") && (
        <SpreadPanel
          spread={data.spread}
          collaboratives={data.reference.collaboratives}
          csvHref={csv("spread")}
          ideasCsvHref={csv("spread-ideas")}
          moreHref={more("spread")}
        />
      )}
      {shows("sign-up-to-safety") && (
        <HarmPanel harm={data.harm} csvHref={csv("harm")} moreHref={more("sign-up-to-safety")} />
      )}
      {shows("comparing") && (
        <FunnelPanel
          funnels={data.funnels}
          filters={filters}
          action={panel ? `${path}/${panel}` : path}
          csvHref={csv("funnel")}
          moreHref={more("comparing")}
        />
      )}
      {shows("map") && (
        <MapPanel
          metric={filters.map}
          values={mapValues(filters.map, data)}
          hrefForMetric={hrefForMetric}
          csvHref={csv("map")}
          highlight={collaborativeScope}
          showMap={panel === "map"}
        />
      )}
    </>
  );
}
