import { RegionMap } from "@/components/map/RegionMap";
import { MAP_METRICS, type MapMetric } from "@/lib/dashboard/filters";
import { DashboardPanel } from "./DashboardPanel";

/** England's 15 regions shaded by one of the other panels' figures (chosen in the URL, so it prints). */
export function MapPanel({
  metric,
  values,
  hrefForMetric,
  csvHref,
  highlight,
  showMap,
}: {
  metric: MapMetric;
  values: Record<string, number | null>;
  hrefForMetric: (metric: MapMetric) => string;
  csvHref: string;
  highlight?: string;
  /** The map itself is drawn on its own page; the overview lists what it can show. */
  showMap: boolean;
}) {
  return (
    <DashboardPanel
      id="map"
      title="Map"
      csvHref={csvHref}
      intro={
        <p>
          The figures of the other panels on a map of England’s 15 collaborative regions, with a table of the same
          figures. {showMap ? "Choose what the map shows:" : "Show on the map:"}
        </p>
      }
    >
      <ul className="no-print mb-6 flex flex-wrap gap-x-6 gap-y-2 text-base">
        {(Object.keys(MAP_METRICS) as MapMetric[]).map((key) => (
          <li key={key}>
            {showMap && key === metric ? (
              <strong aria-current="true">{MAP_METRICS[key]}</strong>
            ) : (
              <a href={hrefForMetric(key)}>{MAP_METRICS[key]}</a>
            )}
          </li>
        ))}
      </ul>
      {showMap && (
        <RegionMap
          id="dashboard"
          values={values}
          label={MAP_METRICS[metric]}
          highlight={highlight}
          highlightLabel="This collaborative"
          noDataLabel="Not in this view"
          tableOpen
        />
      )}
    </DashboardPanel>
  );
}
