// The one permission table. Every server action, route handler and data-access function asks it:
// `authorize(viewer, "project.update", project)` throws; `can(...)` answers for presentation only.
// A new action is one row here and one row in tests/integration/authorization-matrix.test.ts.
import { ForbiddenError } from "@/lib/errors";
import type { Viewer } from "./viewer-types";

export type { Viewer } from "./viewer-types";

/** What a rule needs to know about the thing being acted on. */
export type Resource = {
  collaborativeId?: string | null;
  /** The collaborative that originated a learning item, for adoptions (adopters must be elsewhere). */
  originCollaborativeId?: string | null;
  ownerId?: string | null;
  visibility?: "DRAFT" | "PORTAL" | "PUBLIC";
  status?: string;
  learningType?: string;
};

type Rule = (viewer: Viewer, resource: Resource) => boolean;

const signedIn: Rule = (v) => v.userId !== null;
const anyone: Rule = () => true;
const national: Rule = (v) => v.globalRole === "NATIONAL" || v.globalRole === "ADMIN";
const admin: Rule = (v) => v.globalRole === "ADMIN";

function roleIn(roles: Viewer["memberships"][number]["role"][]): Rule {
  return (v, r) =>
    r.collaborativeId != null &&
    v.memberships.some((m) => m.collaborativeId === r.collaborativeId && roles.includes(m.role));
}
const leadOf = roleIn(["LEAD"]);
const staffOf = roleIn(["STAFF", "LEAD"]);
const memberOf = roleIn(["PATIENT", "STAFF", "LEAD"]);
const staffAnywhere: Rule = (v) => v.memberships.some((m) => m.role === "STAFF" || m.role === "LEAD");
const owner: Rule = (v, r) => v.userId !== null && r.ownerId != null && r.ownerId === v.userId;
const notOwner: Rule = (v, r) => v.userId !== null && r.ownerId != null && r.ownerId !== v.userId;
const any =
  (...rules: Rule[]): Rule =>
  (v, r) =>
    rules.some((rule) => rule(v, r));
const all =
  (...rules: Rule[]): Rule =>
  (v, r) =>
    rules.every((rule) => rule(v, r));

// Reading lists of records: the rule is data (which rows a viewer may read), so that `can()` on one
// row and the where clause of a list query are both derived from it and cannot drift apart.

/** One way to match a row: every field listed equals the value, or is one of `in`. */
export type RowClause = { [K in keyof Resource]?: NonNullable<Resource[K]> | { in: NonNullable<Resource[K]>[] } };
/** The rows a viewer may read: every row, or those matching any clause (none when empty). */
export type RowFilter = "every" | RowClause[];

function matchesClause(clause: RowClause, r: Resource): boolean {
  return Object.entries(clause).every(([field, want]) => {
    const value = r[field as keyof Resource];
    if (value == null) return false;
    return typeof want === "object" && want !== null && "in" in want
      ? (want.in as unknown[]).includes(value)
      : value === want;
  });
}

/**
 * Projects. A draft is seen by the staff and leads of the project's own collaborative and nobody else
 * (not the national team, administrators, other collaboratives or patient members) until it is shared;
 * "portal" is for staff of every collaborative and the national team; "public" for anyone. Drafts also
 * count in no figure (lib/projects/counted.ts). The labels saying so: VISIBILITY_LABELS.
 */
function readableProjects(v: Viewer): RowClause[] {
  const clauses: RowClause[] = [{ visibility: "PUBLIC" }];
  const staffOfIds = collaborativeIdsWhere(v, ["STAFF", "LEAD"]);
  if (staffOfIds.length > 0) clauses.push({ collaborativeId: { in: staffOfIds } });
  if (staffOfIds.length > 0 || national(v, {})) clauses.push({ visibility: "PORTAL" });
  return clauses;
}

/** Learning: the national team reads it all; others anything published, their collaborative's, portal items and their own. */
function readableLearning(v: Viewer): RowFilter {
  if (national(v, {})) return "every";
  return [{ status: "PUBLISHED" }, ...readableProjects(v), ...(v.userId !== null ? [{ ownerId: v.userId }] : [])];
}

export const readFilters = {
  "project.read": readableProjects,
  "learning.read": readableLearning,
} satisfies Partial<Record<string, (v: Viewer) => RowFilter>>;

const readable =
  (filter: (v: Viewer) => RowFilter): Rule =>
  (v, r) => {
    const rows = filter(v);
    return rows === "every" || rows.some((clause) => matchesClause(clause, r));
  };

/**
 * The rows `action` lets the viewer read, as a where clause for the model whose columns are given
 * (null: the model has no such column, so a clause on it matches nothing, as it does in `can()`).
 */
export function readableWhere(
  viewer: Viewer,
  action: keyof typeof readFilters,
  columns: Partial<Record<keyof Resource, string | null>>,
): Record<string, unknown> {
  const rows = readFilters[action](viewer);
  if (rows === "every") return {};
  const or = rows.flatMap((clause) => {
    const entries = Object.entries(clause).map(
      ([field, want]) => [columns[field as keyof Resource] ?? null, want] as const,
    );
    if (entries.some(([column]) => column === null)) return [];
    return [Object.fromEntries(entries)];
  });
  return { OR: or };
}

const nationalNote: Rule = (_v, r) => r.learningType === "NATIONAL_NOTE";

export const permissions = {
  // Collaboratives, members, organisations
  "collaborative.read": anyone,
  "collaborative.manage": admin,
  "collaborative.dashboard": any(leadOf, national),
  "organisation.manage": any(leadOf, admin),
  "member.list": any(leadOf, admin),
  "member.invite": any(leadOf, admin),
  "member.approve": any(leadOf, admin),
  "member.changeRole": any(leadOf, admin),
  "member.remove": any(leadOf, admin),
  "user.setGlobalRole": admin,
  "user.exportData": admin,
  "user.erase": admin,
  "audit.read": admin,
  "account.manage": signedIn,
  // One-click unsubscribe from an email, without signing in: the token (an HMAC over person and kind) guards it.
  "notifications.unsubscribe": anyone,
  // How many notifications could not be delivered (kind and since when, never their content).
  "notifications.failures": any(leadOf, admin),
  // Signing in, registering and recovering an account are open to anyone; throttling and tokens guard them.
  "account.signIn": anyone,
  "account.register": anyone,
  "account.recover": anyone,
  // Only the person the invitation was sent to (ownerId: the user with the invited email).
  "invitation.accept": owner,
  "user.list": admin,

  // Local priorities and priority setting
  "priority.manage": any(leadOf, admin),
  "round.open": leadOf,
  "round.close": leadOf,
  "round.participate": memberOf,
  "round.read": anyone,

  // Improvement projects (measures, PDSA cycles and the driver diagram are parts of a project)
  "project.read": readable(readableProjects),
  "project.create": staffOf,
  "project.update": staffOf,
  // Projects are archived, never deleted (README "Archiving"); a lead (or an administrator) restores them.
  "project.archive": any(leadOf, admin),
  "project.restore": any(leadOf, admin),
  // The editable list of pathway stages (reference data shared by projects, concerns and learning).
  "pathway.manage": admin,
  // Project templates (standard measures, driver skeleton, change ideas): administrators and the national team.
  "template.manage": national,

  // Safety concerns
  "concern.create": anyone,
  "concern.readOwn": owner,
  // Whoever holds a concern's private tracking link (an unguessable token) sees its status and public responses.
  "concern.track": anyone,
  // The reporter's reply and rating of a response: whoever holds the concern's tracking link (the token
  // finds the one concern it belongs to, and nothing else), or the registered reporter on "My concerns".
  "concern.replyTracked": anyone,
  "concern.replyOwn": owner,
  "concern.triage": leadOf,
  "concern.revealContact": leadOf,
  // Concerns held as possibly automated (the form's hidden field was filled in): a lead decides.
  "concern.release": leadOf,
  "concern.discard": leadOf,
  "concern.readDeidentified": any(leadOf, national),

  // You said, we did: a lead writes (ownerId: the author); a second lead of the collaborative or the national
  // team approves, never the author; published items are public, the rest are the leads' and national's.
  "yousaid.write": leadOf,
  // Changing a draft and sending it for approval: its author, while still a lead of the collaborative.
  "yousaid.edit": all(owner, leadOf),
  "yousaid.approve": all(notOwner, any(leadOf, national)),
  "yousaid.withdraw": any(leadOf, national),
  "yousaid.read": any((_v, r) => r.status === "PUBLISHED", leadOf, national),

  // Shared learning and spread
  "learning.read": readable(readableLearning),
  "learning.create": any(staffOf, all(national, nationalNote)),
  "learning.update": any(
    all(owner, (_v, r) => r.status === "DRAFT"),
    leadOf,
    all(national, nationalNote),
  ),
  "learning.publish": any(leadOf, all(national, nationalNote)),
  "learning.feature": national,
  "adoption.create": all(staffOf, (_v, r) => r.originCollaborativeId !== r.collaborativeId),
  "adoption.update": staffOf,
  "comment.create": any(staffAnywhere, national),
  "comment.moderate": any(leadOf, admin),
  "follow.manage": signedIn,

  // Events
  "event.manage": any(leadOf, admin),
  "event.register": signedIn,

  // National oversight
  "national.dashboard": national,
  // The clinical safety hazard log (/admin/safety, docs/safety/hazards.yaml): the national team and administrators
  "safety.read": national,
} satisfies Record<string, Rule>;

export type Action = keyof typeof permissions;

export function can(viewer: Viewer, action: Action, resource: Resource = {}): boolean {
  return permissions[action](viewer, resource);
}

export function authorize(viewer: Viewer, action: Action, resource: Resource = {}): void {
  if (!can(viewer, action, resource)) throw new ForbiddenError();
}

/** Collaboratives in which the viewer holds one of the roles: for scoping queries. */
export function collaborativeIdsWhere(viewer: Viewer, roles: Viewer["memberships"][number]["role"][]): string[] {
  return viewer.memberships.filter((m) => roles.includes(m.role)).map((m) => m.collaborativeId);
}

export function isNational(viewer: Viewer): boolean {
  return national(viewer, {});
}
