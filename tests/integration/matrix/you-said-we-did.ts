// "You said, we did": a lead writes; another lead of the same collaborative (never the author) or the
// national team approves; published items are public, the rest are for leads and national only.
// (A = wessex, B = oxford.) The domain's own checks, with the database: tests/integration/you-said-we-did.test.ts.
import type { MatrixRow } from "./types";

const everyone = ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const;

export const rows: MatrixRow[] = [
  {
    action: "yousaid.write",
    on: "a new item for A",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA"],
  },
  {
    action: "yousaid.edit",
    on: "A's draft written by leadA",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: c.viewers.leadA.userId, status: "DRAFT" }),
    allowed: ["leadA"],
  },
  {
    action: "yousaid.edit",
    on: "A's draft written by another lead of A",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: "another-lead", status: "DRAFT" }),
    allowed: [],
  },
  {
    action: "yousaid.approve",
    on: "A's item written by leadA (the author cannot approve their own)",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      ownerId: c.viewers.leadA.userId,
      status: "AWAITING_APPROVAL",
    }),
    allowed: ["national", "admin"],
  },
  {
    action: "yousaid.approve",
    on: "A's item written by another lead of A",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: "another-lead", status: "AWAITING_APPROVAL" }),
    allowed: ["leadA", "national", "admin"],
  },
  {
    action: "yousaid.approve",
    on: "B's item written by leadB",
    resource: (c) => ({
      collaborativeId: c.collaborativeB.id,
      ownerId: c.viewers.leadB.userId,
      status: "AWAITING_APPROVAL",
    }),
    allowed: ["national", "admin"],
  },
  {
    action: "yousaid.withdraw",
    on: "A's published item",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: "another-lead", status: "PUBLISHED" }),
    allowed: ["leadA", "national", "admin"],
  },
  {
    action: "yousaid.read",
    on: "A's published item",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, status: "PUBLISHED" }),
    allowed: [...everyone],
  },
  {
    action: "yousaid.read",
    on: "A's draft",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, status: "DRAFT" }),
    allowed: ["leadA", "national", "admin"],
  },
  {
    action: "yousaid.read",
    on: "A's item awaiting approval",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, status: "AWAITING_APPROVAL" }),
    allowed: ["leadA", "national", "admin"],
  },
];
