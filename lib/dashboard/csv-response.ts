/** The CSV route handlers' shared work: filters from the query, the viewer's access, a download. */
import { getViewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { dashboardCsv } from "./exports";
import { parseDashboardFilters } from "./filters";
import { getDashboardReference, knownValues, type DashboardScope } from "./queries";

export async function dashboardCsvResponse(request: Request, scope: DashboardScope, panel: string): Promise<Response> {
  try {
    const reference = await getDashboardReference();
    const { filters } = parseDashboardFilters(new URL(request.url).searchParams, knownValues(reference), {
      fixedCollaborative: scope.kind === "collaborative" ? scope.slug : undefined,
    });
    const viewer = await getViewer();
    const { filename, body } = await dashboardCsv(viewer, scope, panel, filters);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError)
      return new Response("You do not have permission to download these figures.\n", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    if (error instanceof NotFoundError)
      return new Response("Not found.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
