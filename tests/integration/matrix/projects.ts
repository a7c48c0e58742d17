// Improvement projects (with their measures, PDSA cycles and driver diagram) and the pathway stage
// list: who may do what, in their own collaborative (A = wessex) and in another (B = oxford).
import type { MatrixRow } from "./types";
import type { Cast } from "@/tests/fixtures/factories";

const inA = (visibility: "DRAFT" | "PORTAL" | "PUBLIC") => (c: Cast) => ({
  collaborativeId: c.collaborativeA.id,
  visibility,
});
const inB = (visibility: "DRAFT" | "PORTAL" | "PUBLIC") => (c: Cast) => ({
  collaborativeId: c.collaborativeB.id,
  visibility,
});
const everyone = ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const;

export const rows: MatrixRow[] = [
  // Reading: a draft is its collaborative's staff and leads only (not the national team or administrators, issue 15);
  // "portal" reaches staff everywhere and the national team; public is for anyone.
  { action: "project.read", on: "A's draft project", resource: inA("DRAFT"), allowed: ["staffA", "leadA"] },
  {
    action: "project.read",
    on: "A's portal project",
    resource: inA("PORTAL"),
    allowed: ["staffA", "leadA", "staffB", "leadB", "national", "admin"],
  },
  { action: "project.read", on: "A's public project", resource: inA("PUBLIC"), allowed: [...everyone] },
  { action: "project.read", on: "B's draft project", resource: inB("DRAFT"), allowed: ["staffB", "leadB"] },

  // Creating and editing (measures, data, cycles, drivers, team): the collaborative's own staff and leads.
  {
    action: "project.create",
    on: "a project in A",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["staffA", "leadA"],
  },
  {
    action: "project.create",
    on: "a project in B",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id }),
    allowed: ["staffB", "leadB"],
  },
  { action: "project.create", on: "no collaborative (a forged request)", resource: () => ({}), allowed: [] },
  { action: "project.update", on: "A's public project", resource: inA("PUBLIC"), allowed: ["staffA", "leadA"] },
  { action: "project.update", on: "B's portal project", resource: inB("PORTAL"), allowed: ["staffB", "leadB"] },

  // Archiving and restoring (never deleting): the collaborative's leads and administrators.
  { action: "project.archive", on: "A's project", resource: inA("PORTAL"), allowed: ["leadA", "admin"] },
  { action: "project.archive", on: "B's project", resource: inB("DRAFT"), allowed: ["leadB", "admin"] },
  { action: "project.restore", on: "A's project", resource: inA("PORTAL"), allowed: ["leadA", "admin"] },
  { action: "project.restore", on: "B's project", resource: inB("DRAFT"), allowed: ["leadB", "admin"] },

  // The pathway stage list is reference data for everyone: administrators only.
  { action: "pathway.manage", on: "the pathway stages", resource: () => ({}), allowed: ["admin"] },
];
