import { getViewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { idField } from "@/lib/schema-fields";
import { exportMeasuresCsv } from "./queries";

/**
 * The CSV download route handlers share this: params checked, viewer and policy applied (through
 * the query), and a project the viewer may not read answers 404 like any missing page.
 */
export async function measuresCsvResponse(params: { id: string; measureId?: string }): Promise<Response> {
  const projectId = idField.safeParse(params.id);
  const measureId = params.measureId === undefined ? null : idField.safeParse(params.measureId);
  if (!projectId.success || (measureId && !measureId.success)) return new Response("Not found", { status: 404 });
  try {
    const { filename, csv } = await exportMeasuresCsv(await getViewer(), projectId.data, measureId?.data ?? null);
    // The byte-order mark makes Excel read the file as UTF-8; the import ignores it.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return new Response("Not found", { status: 404 });
    throw error;
  }
}
