/**
 * Where a change idea went, how fast, and whether it worked there too: the figures of the spread view,
 * from its adoptions. Pure (tested in tests/unit/learning/spread.test.ts).
 *
 * Counting rules: an adoption counts as "adopting" unless its status is NOT_ADOPTED (considering and
 * testing count: the team has taken the idea up). Time to first adoption runs from publication to the
 * first adoption recorded, whatever became of it. An adopter "shows improvement" when the measure it
 * linked as its own results shows special-cause improvement (the stored lib/spc status).
 */
import type { AdoptionStatus } from "@/lib/generated/prisma/enums";

export type SpreadAdoptionInput = {
  id: string;
  status: AdoptionStatus;
  notAdoptedReason: string | null;
  createdAt: Date;
  collaborativeSlug: string;
  collaborativeName: string;
  organisationId: string | null;
  organisationName: string | null;
  hasMeasure: boolean;
  showsImprovement: boolean;
  changes: { fromStatus: AdoptionStatus | null; toStatus: AdoptionStatus; reason: string; changedAt: Date }[];
};

export type SpreadTimelineEvent = {
  at: Date;
  kind: "published" | "status";
  collaborativeName: string | null;
  organisationName: string | null;
  fromStatus: AdoptionStatus | null;
  toStatus: AdoptionStatus | null;
  reason: string;
};

export type SpreadAdopter = {
  id: string;
  collaborativeSlug: string;
  collaborativeName: string;
  organisationName: string | null;
  status: AdoptionStatus;
  notAdoptedReason: string | null;
  since: Date;
  hasMeasure: boolean;
  showsImprovement: boolean;
};

export type Spread = {
  originSlug: string | null;
  /** Adopting teams per collaborative slug, for the region map (the origin's own count included). */
  regionValues: Record<string, number>;
  collaborativeCount: number;
  organisationCount: number;
  adoptingCount: number;
  notAdoptedCount: number;
  firstAdoptionAt: Date | null;
  daysToFirstAdoption: number | null;
  adoptersWithMeasures: number;
  adoptersShowingImprovement: number;
  adopters: SpreadAdopter[];
  timeline: SpreadTimelineEvent[];
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function buildSpread(input: {
  publishedAt: Date | null;
  originSlug: string | null;
  adoptions: readonly SpreadAdoptionInput[];
}): Spread {
  const adopting = input.adoptions.filter((a) => a.status !== "NOT_ADOPTED");
  const regionValues: Record<string, number> = {};
  for (const a of adopting) regionValues[a.collaborativeSlug] = (regionValues[a.collaborativeSlug] ?? 0) + 1;

  const first = input.adoptions.reduce<Date | null>(
    (earliest, a) => (earliest === null || a.createdAt < earliest ? a.createdAt : earliest),
    null,
  );
  const daysToFirstAdoption =
    first && input.publishedAt
      ? Math.max(0, Math.floor((first.getTime() - input.publishedAt.getTime()) / DAY_MS))
      : null;

  const timeline: SpreadTimelineEvent[] = [];
  if (input.publishedAt) {
    timeline.push({
      at: input.publishedAt,
      kind: "published",
      collaborativeName: null,
      organisationName: null,
      fromStatus: null,
      toStatus: null,
      reason: "",
    });
  }
  for (const a of input.adoptions) {
    for (const c of a.changes) {
      timeline.push({
        at: c.changedAt,
        kind: "status",
        collaborativeName: a.collaborativeName,
        organisationName: a.organisationName,
        fromStatus: c.fromStatus,
        toStatus: c.toStatus,
        reason: c.reason,
      });
    }
  }
  timeline.sort(
    (x, y) => x.at.getTime() - y.at.getTime() || (x.kind === "published" ? -1 : y.kind === "published" ? 1 : 0),
  );

  const withMeasures = adopting.filter((a) => a.hasMeasure);
  return {
    originSlug: input.originSlug,
    regionValues,
    collaborativeCount: new Set(adopting.map((a) => a.collaborativeSlug)).size,
    organisationCount: new Set(adopting.flatMap((a) => (a.organisationId ? [a.organisationId] : []))).size,
    adoptingCount: adopting.length,
    notAdoptedCount: input.adoptions.length - adopting.length,
    firstAdoptionAt: first,
    daysToFirstAdoption,
    adoptersWithMeasures: withMeasures.length,
    adoptersShowingImprovement: withMeasures.filter((a) => a.showsImprovement).length,
    adopters: input.adoptions.map((a) => ({
      id: a.id,
      collaborativeSlug: a.collaborativeSlug,
      collaborativeName: a.collaborativeName,
      organisationName: a.organisationName,
      status: a.status,
      notAdoptedReason: a.notAdoptedReason,
      since: a.createdAt,
      hasMeasure: a.hasMeasure,
      showsImprovement: a.showsImprovement,
    })),
    timeline,
  };
}
