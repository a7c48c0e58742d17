import { dashboardCsvResponse } from "@/lib/dashboard/csv-response";

// CSV download of one panel of a collaborative's own dashboard (leads of that collaborative and the national team).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; panel: string }> }) {
  const { slug, panel } = await params;
  return dashboardCsvResponse(request, { kind: "collaborative", slug }, panel);
}
