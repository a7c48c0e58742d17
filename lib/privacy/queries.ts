import "server-only";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";

/** What an administrator sees before exporting or erasing a person's data: who, and how much is held. */
export async function getPersonForDataRequest(viewer: Viewer, userId: string) {
  authorize(viewer, "user.exportData");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      globalRole: true,
      createdAt: true,
      erasedAt: true,
      memberships: {
        orderBy: { collaborative: { name: "asc" } },
        select: { role: true, status: true, collaborative: { select: { name: true } } },
      },
      _count: {
        select: {
          concerns: true,
          projectsCreated: true,
          learningAuthored: true,
          comments: true,
          ballots: true,
          sessions: true,
        },
      },
    },
  });
  if (!user) throw new NotFoundError();
  const [concernsWithContact, lastErasure] = await Promise.all([
    db.concern.count({ where: { reporterId: userId, contactEncrypted: { not: null } } }),
    user.erasedAt
      ? db.auditEvent.findFirst({
          where: { action: "user.erased", subjectType: "User", subjectId: userId },
          orderBy: { id: "desc" },
          select: { actorId: true },
        })
      : null,
  ]);
  const erasedBy = lastErasure?.actorId
    ? await db.user.findUnique({ where: { id: lastErasure.actorId }, select: { name: true } })
    : null;
  return {
    id: user.id,
    name: user.name,
    email: user.erasedAt ? null : user.email,
    globalRole: user.globalRole,
    createdAt: user.createdAt,
    erasedAt: user.erasedAt,
    erasedBy: erasedBy?.name ?? null,
    memberships: user.memberships.map((m) => ({
      collaborativeName: m.collaborative.name,
      role: m.role,
      pending: m.status === "PENDING",
    })),
    counts: {
      concerns: user._count.concerns,
      concernsWithContact,
      projects: user._count.projectsCreated,
      learning: user._count.learningAuthored,
      comments: user._count.comments,
      ballots: user._count.ballots,
    },
  };
}
