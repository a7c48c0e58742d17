// Shared learning, adoption, comments and follows: who may do what (A = wessex, B = oxford).
import type { MatrixRow } from "./types";

const everyone = ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const;
const signedIn = everyone.filter((r) => r !== "anonymous");
const staffAnywhere = ["staffA", "leadA", "staffB", "leadB"] as const;

export const rows: MatrixRow[] = [
  {
    action: "learning.read",
    on: "A's published change idea",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      status: "PUBLISHED",
      learningType: "CHANGE_IDEA",
      ownerId: "someone-else",
    }),
    allowed: [...everyone],
  },
  {
    action: "learning.read",
    on: "A's draft written by someone else",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      status: "DRAFT",
      learningType: "CHANGE_IDEA",
      ownerId: "someone-else",
    }),
    allowed: ["staffA", "leadA", "national", "admin"],
  },
  {
    action: "learning.read",
    on: "A's archived item",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      status: "ARCHIVED",
      learningType: "CASE_STUDY",
      ownerId: "someone-else",
    }),
    allowed: ["staffA", "leadA", "national", "admin"],
  },
  {
    action: "learning.create",
    on: "a change idea for A",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, learningType: "CHANGE_IDEA" }),
    allowed: ["staffA", "leadA"],
  },
  {
    action: "learning.create",
    on: "a national note",
    resource: () => ({ collaborativeId: null, learningType: "NATIONAL_NOTE" }),
    allowed: ["national", "admin"],
  },
  {
    action: "learning.update",
    on: "A's draft written by staffA",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      status: "DRAFT",
      learningType: "CHANGE_IDEA",
      ownerId: c.viewers.staffA.userId,
    }),
    allowed: ["staffA", "leadA"],
  },
  {
    action: "learning.update",
    on: "A's published item written by staffA",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      status: "PUBLISHED",
      learningType: "CHANGE_IDEA",
      ownerId: c.viewers.staffA.userId,
    }),
    allowed: ["leadA"],
  },
  {
    action: "learning.update",
    on: "a national note",
    resource: (c) => ({
      collaborativeId: null,
      status: "PUBLISHED",
      learningType: "NATIONAL_NOTE",
      ownerId: c.viewers.national.userId,
    }),
    allowed: ["national", "admin"],
  },
  {
    action: "learning.publish",
    on: "A's draft change idea",
    resource: (c) => ({
      collaborativeId: c.collaborativeA.id,
      status: "DRAFT",
      learningType: "CHANGE_IDEA",
      ownerId: c.viewers.staffA.userId,
    }),
    allowed: ["leadA"],
  },
  {
    action: "learning.publish",
    on: "a draft national note",
    resource: (c) => ({
      collaborativeId: null,
      status: "DRAFT",
      learningType: "NATIONAL_NOTE",
      ownerId: c.viewers.national.userId,
    }),
    allowed: ["national", "admin"],
  },
  {
    action: "learning.feature",
    on: "A's published change idea",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, status: "PUBLISHED", learningType: "CHANGE_IDEA" }),
    allowed: ["national", "admin"],
  },
  {
    action: "adoption.create",
    on: "adopting A's change idea in B",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id, originCollaborativeId: c.collaborativeA.id }),
    allowed: ["staffB", "leadB"],
  },
  {
    action: "adoption.create",
    on: "adopting A's change idea in A (its own origin)",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, originCollaborativeId: c.collaborativeA.id }),
    allowed: [],
  },
  {
    action: "adoption.update",
    on: "B's adoption of A's change idea",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id, originCollaborativeId: c.collaborativeA.id }),
    allowed: ["staffB", "leadB"],
  },
  {
    action: "comment.create",
    on: "a question on A's published item",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, status: "PUBLISHED" }),
    allowed: [...staffAnywhere, "national", "admin"],
  },
  {
    action: "comment.moderate",
    on: "a comment on A's item",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA", "admin"],
  },
  {
    action: "comment.moderate",
    on: "a comment on a national note",
    resource: () => ({ collaborativeId: null }),
    allowed: ["admin"],
  },
  {
    action: "follow.manage",
    on: "their own follows",
    resource: () => ({}),
    allowed: [...signedIn],
  },
];
