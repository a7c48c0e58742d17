import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { getDashboard, getDashboardReference, knownValues } from "@/lib/dashboard/queries";
import { orNotFound } from "@/lib/route-errors";
import { DashboardView, isDashboardPanel } from "./DashboardView";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What the four dashboard routes have in common (national or a collaborative's; overview or one
 * panel): sign-in, lenient filters, the policy check inside the queries, and the view.
 */
export async function DashboardPage({
  collaborativeSlug,
  panel,
  searchParams,
}: {
  collaborativeSlug?: string;
  panel?: string;
  searchParams: SearchParams;
}) {
  if (panel !== undefined && !isDashboardPanel(panel)) notFound();
  const path = collaborativeSlug ? `/collaboratives/${collaborativeSlug}/dashboard` : "/national";
  const viewer = await requireViewer(panel ? `${path}/${panel}` : path);
  const reference = await getDashboardReference();
  const collaborative = collaborativeSlug
    ? reference.collaboratives.find((c) => c.slug === collaborativeSlug)
    : undefined;
  if (collaborativeSlug && !collaborative) notFound();
  const { filters, notes } = parseDashboardFilters(searchParams, knownValues(reference), {
    fixedCollaborative: collaborativeSlug,
  });
  const scope = collaborativeSlug
    ? ({ kind: "collaborative", slug: collaborativeSlug } as const)
    : ({ kind: "national" } as const);
  const data = await orNotFound(getDashboard(viewer, scope, filters), { forbidden: "403" });
  return (
    <DashboardView
      title={collaborative ? `${collaborative.name} dashboard` : "National dashboard"}
      lede={
        <p className="mb-0">
          {collaborative
            ? "Your collaborative’s projects, measures, concerns, spread and harm, with the same figures and definitions as the national dashboard."
            : "How England’s 15 Patient Safety Collaboratives are doing: where projects are, what the data show, what patients tell us, how ideas spread and how harm is changing."}
        </p>
      }
      path={path}
      csvPath={collaborative ? `/api/collaboratives/${collaborative.slug}/dashboard` : "/api/national"}
      filters={filters}
      notes={notes}
      data={data}
      collaborativeScope={collaborative?.slug}
      panel={panel}
    />
  );
}
