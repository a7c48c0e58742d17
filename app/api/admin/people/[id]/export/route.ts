import { getViewer } from "@/lib/auth/viewer";
import { requestIp } from "@/lib/auth/request-ip";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";
import { idField } from "@/lib/schema-fields";

export const dynamic = "force-dynamic";

/** A person's data as a JSON download, for administrators answering a subject access request. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = idField.safeParse((await params).id);
  if (!id.success) return new Response("Not found.\n", { status: 404 });
  try {
    const data = await exportPersonalData(await getViewer(), id.data, { ip: await requestIp() });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="personal-data-${id.data}.json"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // Someone who may not export gets the same answer as for a person who does not exist.
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return new Response("Not found.\n", { status: 404 });
    throw error;
  }
}
