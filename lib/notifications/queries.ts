import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { authorize, isNational } from "@/lib/auth/policy";
import {
  KINDS,
  NOTIFICATION_KINDS,
  SETTABLE_KINDS,
  effectiveDelivery,
  type Delivery,
  type NotificationKind,
} from "./kinds";

export type SettingRow = { kind: NotificationKind; delivery: Delivery; fixed: boolean };

/** The kinds that concern this person (leads' kinds only for leads), with what they chose. */
export async function getNotificationSettings(viewer: Viewer): Promise<SettingRow[]> {
  authorize(viewer, "account.manage");
  const chosen = await db.notificationPreference.findMany({
    where: { userId: viewer.userId! },
    select: { kind: true, delivery: true },
  });
  const lead = viewer.memberships.some((m) => m.role === "LEAD");
  const staff = isNational(viewer) || viewer.memberships.some((m) => m.role === "STAFF" || m.role === "LEAD");
  return NOTIFICATION_KINDS.filter((kind) => {
    const { audience } = KINDS[kind];
    if (kind === "concern.digest") return false;
    return audience === "everyone" || (audience === "lead" && lead) || (audience === "staff" && staff);
  }).map((kind) => ({
    kind,
    delivery: effectiveDelivery(kind, chosen.find((c) => c.kind === kind)?.delivery),
    fixed: !SETTABLE_KINDS.includes(kind),
  }));
}

export type NotDelivered = { kind: NotificationKind; count: number; since: Date };

/**
 * Notifications that could not be delivered (failed at least once and not sent since), by kind and
 * since when: never their content or recipients. A collaborative's (for its leads), or all (administrators).
 */
export async function notDeliveredNotifications(viewer: Viewer, collaborativeId?: string): Promise<NotDelivered[]> {
  authorize(viewer, "notifications.failures", { collaborativeId: collaborativeId ?? null });
  const groups = await db.notification.groupBy({
    by: ["kind"],
    where: { failedAt: { not: null }, sentAt: null, skippedAt: null, ...(collaborativeId ? { collaborativeId } : {}) },
    _count: { _all: true },
    _min: { failedAt: true },
    orderBy: { kind: "asc" },
  });
  return groups.map((g) => ({ kind: g.kind as NotificationKind, count: g._count._all, since: g._min.failedAt! }));
}
