// Collaborative workspaces, priority setting and events: who may do what, in their own
// collaborative (A = wessex) and in another (B = oxford). Organisations and reading a
// collaborative are in ./accounts.ts.
import type { MatrixRow } from "./types";

const A = (c: { collaborativeA: { id: string } }) => ({ collaborativeId: c.collaborativeA.id });
const B = (c: { collaborativeB: { id: string } }) => ({ collaborativeId: c.collaborativeB.id });
const signedIn = ["patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const;
const everyone = ["anonymous", ...signedIn] as const;

export const rows: MatrixRow[] = [
  // Local priorities: the collaborative's leads (and administrators) set their status
  { action: "priority.manage", on: "collaborative A's local priority", resource: A, allowed: ["leadA", "admin"] },
  { action: "priority.manage", on: "collaborative B's local priority", resource: B, allowed: ["leadB", "admin"] },

  // Priority-setting rounds: leads open and close their own; members of the collaborative take part
  { action: "round.open", on: "a round in collaborative A", resource: A, allowed: ["leadA"] },
  { action: "round.open", on: "a round in collaborative B", resource: B, allowed: ["leadB"] },
  { action: "round.close", on: "collaborative A's round", resource: A, allowed: ["leadA"] },
  { action: "round.close", on: "collaborative B's round", resource: B, allowed: ["leadB"] },
  { action: "round.participate", on: "collaborative A's round", resource: A, allowed: ["patientA", "staffA", "leadA"] },
  { action: "round.participate", on: "collaborative B's round", resource: B, allowed: ["staffB", "leadB"] },
  { action: "round.participate", on: "no collaborative (a forged request)", resource: () => ({}), allowed: [] },
  { action: "round.read", on: "collaborative A's round", resource: A, allowed: [...everyone] },

  // Events: leads manage their own; anyone signed in may sign up
  { action: "event.manage", on: "collaborative A's event", resource: A, allowed: ["leadA", "admin"] },
  { action: "event.manage", on: "collaborative B's event", resource: B, allowed: ["leadB", "admin"] },
  { action: "event.register", on: "collaborative A's event", resource: A, allowed: [...signedIn] },
];
