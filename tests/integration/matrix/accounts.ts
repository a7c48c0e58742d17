// Accounts, members, invitations, administration and collaboratives: who may do what, in their own
// collaborative (A = wessex) and in another (B = oxford).
import type { MatrixRow } from "./types";

const A = (c: { collaborativeA: { id: string } }) => ({ collaborativeId: c.collaborativeA.id });
const B = (c: { collaborativeB: { id: string } }) => ({ collaborativeId: c.collaborativeB.id });
const signedIn = ["patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const;
const everyone = ["anonymous", ...signedIn] as const;

export const rows: MatrixRow[] = [
  // Collaboratives
  { action: "collaborative.read", on: "collaborative A", resource: A, allowed: [...everyone] },
  { action: "collaborative.read", on: "collaborative B", resource: B, allowed: [...everyone] },
  { action: "collaborative.manage", on: "collaborative A", resource: A, allowed: ["admin"] },
  { action: "collaborative.manage", on: "collaborative B", resource: B, allowed: ["admin"] },
  { action: "collaborative.dashboard", on: "collaborative A", resource: A, allowed: ["leadA", "national", "admin"] },
  { action: "collaborative.dashboard", on: "collaborative B", resource: B, allowed: ["leadB", "national", "admin"] },
  { action: "organisation.manage", on: "collaborative A's organisations", resource: A, allowed: ["leadA", "admin"] },
  { action: "organisation.manage", on: "collaborative B's organisations", resource: B, allowed: ["leadB", "admin"] },

  // Members of a collaborative: its leads and administrators, never a lead of another collaborative
  ...(["member.list", "member.invite", "member.approve", "member.changeRole", "member.remove"] as const).flatMap(
    (action): MatrixRow[] => [
      { action, on: "collaborative A's members", resource: A, allowed: ["leadA", "admin"] },
      { action, on: "collaborative B's members", resource: B, allowed: ["leadB", "admin"] },
    ],
  ),
  { action: "member.list", on: "no collaborative (a forged request)", resource: () => ({}), allowed: ["admin"] },

  // Administration
  { action: "user.list", on: "all users", resource: () => ({}), allowed: ["admin"] },
  { action: "user.setGlobalRole", on: "any user", resource: () => ({}), allowed: ["admin"] },
  { action: "user.exportData", on: "any user", resource: () => ({}), allowed: ["admin"] },
  { action: "user.erase", on: "any user", resource: () => ({}), allowed: ["admin"] },
  { action: "audit.read", on: "the audit log", resource: () => ({}), allowed: ["admin"] },

  // Own account
  { action: "account.manage", on: "own account", resource: () => ({}), allowed: [...signedIn] },
  {
    action: "notifications.unsubscribe",
    on: "a signed unsubscribe link",
    resource: () => ({}),
    allowed: [...everyone],
  },
  {
    action: "notifications.failures",
    on: "collaborative A's undelivered notifications",
    resource: A,
    allowed: ["leadA", "admin"],
  },
  {
    action: "notifications.failures",
    on: "collaborative B's undelivered notifications",
    resource: B,
    allowed: ["leadB", "admin"],
  },
  {
    action: "notifications.failures",
    on: "every collaborative's (no collaborative)",
    resource: () => ({}),
    allowed: ["admin"],
  },
  { action: "account.signIn", on: "sign-in", resource: () => ({}), allowed: [...everyone] },
  { action: "account.register", on: "registration", resource: () => ({}), allowed: [...everyone] },
  { action: "account.recover", on: "password reset", resource: () => ({}), allowed: [...everyone] },
  {
    action: "invitation.accept",
    on: "an invitation to patientA's email",
    resource: (c) => ({ ownerId: c.viewers.patientA.userId, collaborativeId: c.collaborativeA.id }),
    allowed: ["patientA"],
  },
  {
    action: "invitation.accept",
    on: "an invitation to an email with no account yet",
    resource: (c) => ({ ownerId: null, collaborativeId: c.collaborativeA.id }),
    allowed: [],
  },
];
