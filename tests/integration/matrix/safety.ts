// The clinical safety hazard log (/admin/safety): read by the national team and administrators only.
import type { MatrixRow } from "./types";

export const rows: MatrixRow[] = [
  { action: "safety.read", on: "the clinical safety hazard log", resource: () => ({}), allowed: ["national", "admin"] },
];
