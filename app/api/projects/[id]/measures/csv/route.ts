import { measuresCsvResponse } from "@/lib/measures/csv-response";

export const dynamic = "force-dynamic";

/** Every measure of the project as one CSV, one row per point. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return measuresCsvResponse({ id });
}
