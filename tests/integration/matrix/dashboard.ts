import type { MatrixRow } from "./types";

// The national dashboard: the national team and administrators only. (A collaborative's own
// dashboard, "collaborative.dashboard", has its rows in ./accounts.ts.)
export const rows: MatrixRow[] = [
  { action: "national.dashboard", on: "the national dashboard", resource: () => ({}), allowed: ["national", "admin"] },
  {
    action: "national.dashboard",
    on: "the national dashboard filtered to collaborative A",
    resource: (cast) => ({ collaborativeId: cast.collaborativeA.id }),
    allowed: ["national", "admin"],
  },
];
