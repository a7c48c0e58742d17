/** The map's figure for each collaborative, taken from the panels' own results (no extra query). Pure. */
import type { MapMetric } from "./filters";
import type { Concerns, Coverage, Improvement, Spread } from "./queries";

export function mapValues(
  metric: MapMetric,
  data: { coverage: Coverage; improvement: Improvement; concerns: Concerns; spread: Spread },
): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  switch (metric) {
    case "projects":
      for (const row of data.coverage.rows) values[row.collaborative.slug] = row.projects;
      break;
    case "improvement":
      for (const row of data.improvement.byCollaborative) values[row.slug] = row.improvement;
      break;
    case "concerns":
      for (const row of data.concerns.byCollaborative) values[row.slug] = row.received;
      break;
    case "acknowledged-in-time":
      for (const row of data.concerns.byCollaborative)
        values[row.slug] = row.acknowledged > 0 ? Math.round((row.acknowledgedInTime / row.acknowledged) * 100) : null;
      break;
    case "adoptions":
      for (const row of data.coverage.rows)
        values[row.collaborative.slug] =
          data.spread.adopters.find((a) => a.slug === row.collaborative.slug)?.adoptions ?? 0;
      break;
  }
  return values;
}
