import { getViewer } from "@/lib/auth/viewer";
import { csvDownload } from "@/lib/csv";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { idField } from "@/lib/schema-fields";
import { exportMeasuresCsv, getMeasureImportTemplate } from "./queries";

type CsvFile = { filename: string; csv: string };

/**
 * The CSV download route handlers share this: params checked, viewer and policy applied (through
 * the query), and a project the viewer may not read answers 404 like any missing page.
 */
async function csvResponse(
  params: { id: string; measureId?: string },
  read: (projectId: string, measureId: string | null) => Promise<CsvFile>,
): Promise<Response> {
  const projectId = idField.safeParse(params.id);
  const measureId = params.measureId === undefined ? null : idField.safeParse(params.measureId);
  if (!projectId.success || (measureId && !measureId.success)) return new Response("Not found", { status: 404 });
  try {
    const { filename, csv } = await read(projectId.data, measureId?.data ?? null);
    return csvDownload(filename, csv);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function measuresCsvResponse(params: { id: string; measureId?: string }): Promise<Response> {
  return csvResponse(params, async (projectId, measureId) =>
    exportMeasuresCsv(await getViewer(), projectId, measureId),
  );
}

/** The import's template: only for people who may add the measure's data (others get 404). */
export async function measureTemplateCsvResponse(params: { id: string; measureId: string }): Promise<Response> {
  return csvResponse(params, async (projectId, measureId) =>
    getMeasureImportTemplate(await getViewer(), projectId, measureId!),
  );
}
