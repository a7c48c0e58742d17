import { measureDatabaseLatency } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

/** Load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    const latencyMs = await measureDatabaseLatency();
    return Response.json(
      { status: "ok", database: "reachable", latencyMs },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
