import { dashboardCsvResponse } from "@/lib/dashboard/csv-response";

// CSV download of one national dashboard panel, with the page's filters (?from=…&to=…&area=…&collaborative=…).
export async function GET(request: Request, { params }: { params: Promise<{ panel: string }> }) {
  return dashboardCsvResponse(request, { kind: "national" }, (await params).panel);
}
