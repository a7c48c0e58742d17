import { createElement } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getMeasurePage } from "@/lib/measures/queries";
import { reportChartKind } from "@/lib/projects/report";
import { idField } from "@/lib/schema-fields";
import { svgMarkup } from "@/lib/svg-markup";
import { ChartSvg } from "@/components/charts/ChartSvg";

export const dynamic = "force-dynamic";

/**
 * "Download chart (SVG)": the report's chart of one measure as a file of its own (no JavaScript needed).
 * Read through `project.read` like the measure page; a measure the viewer may not see is not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; measureId: string }> }) {
  const raw = await params;
  const projectId = idField.safeParse(raw.id);
  const measureId = idField.safeParse(raw.measureId);
  if (!projectId.success || !measureId.success) return new Response("Not found", { status: 404 });
  try {
    const { measure, chart } = await getMeasurePage(await getViewer(), projectId.data, measureId.data);
    const svg = svgMarkup(
      createElement(ChartSvg, {
        id: "chart",
        name: measure.name,
        unit: measure.unit,
        chart,
        kind: reportChartKind(chart),
        standalone: true,
      }),
    );
    const slug = measure.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60);
    return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slug || "measure"}-chart.svg"`,
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
