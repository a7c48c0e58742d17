// Project templates: national reference data, edited by administrators and the national team only.
import type { MatrixRow } from "./types";

export const rows: MatrixRow[] = [
  { action: "template.manage", on: "the project templates", resource: () => ({}), allowed: ["national", "admin"] },
];
