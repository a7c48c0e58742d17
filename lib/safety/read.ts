// The hazard log for the admin page (/admin/safety): the policy first, then the file as deployed.
import "server-only";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { loadHazardLog } from "./load";
import type { HazardLog } from "./schema";

export async function readHazardLog(viewer: Viewer): Promise<HazardLog> {
  authorize(viewer, "safety.read");
  return Promise.resolve(loadHazardLog());
}
