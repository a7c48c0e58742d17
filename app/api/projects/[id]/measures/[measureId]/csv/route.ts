import { measuresCsvResponse } from "@/lib/measures/csv-response";

export const dynamic = "force-dynamic";

/** One measure's data as CSV (the columns the import reads). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; measureId: string }> }) {
  return measuresCsvResponse(await params);
}
