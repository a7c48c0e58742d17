// Reads and validates the hazard log and the DPIA's risks from docs/ (at run time: docs/ is not a build input,
// so the admin page always shows the file as it is in the deployed repository).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DPIA, HAZARD_LOG } from "./check";
import { dpiaSchema, hazardLogSchema, type Dpia, type HazardLog } from "./schema";

export function loadHazardLog(root = process.cwd()): HazardLog {
  return hazardLogSchema.parse(parse(readFileSync(join(root, HAZARD_LOG), "utf8")));
}

export function loadDpia(root = process.cwd()): Dpia {
  return dpiaSchema.parse(parse(readFileSync(join(root, DPIA), "utf8")));
}
