import { measureTemplateCsvResponse } from "@/lib/measures/csv-response";

export const dynamic = "force-dynamic";

/** A CSV to fill in for one measure's import: its columns, its values and the periods due next. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; measureId: string }> }) {
  return measureTemplateCsvResponse(await params);
}
