/**
 * A template's driver-diagram skeleton and suggested change ideas, and its text form for editing:
 * one line each, a plain line is a primary driver, "- " a secondary driver under the primary above it,
 * "* " a change idea under the driver above it. Pure (tested in tests/unit/templates/skeleton.test.ts).
 */
import { z } from "zod";

const line = z.string().trim().min(1).max(300);
export const secondaryDriverSchema = z.object({ text: line, ideas: z.array(line).max(30) });
export const primaryDriverSchema = z.object({
  text: line,
  ideas: z.array(line).max(30),
  secondaries: z.array(secondaryDriverSchema).max(30),
});
export const skeletonSchema = z.array(primaryDriverSchema).max(20);
export type Skeleton = z.infer<typeof skeletonSchema>;

/** The whole skeleton as text, as the edit form shows it. */
export function skeletonToText(skeleton: Skeleton): string {
  const lines: string[] = [];
  for (const primary of skeleton) {
    lines.push(primary.text);
    for (const idea of primary.ideas) lines.push(`  * ${idea}`);
    for (const secondary of primary.secondaries) {
      lines.push(`- ${secondary.text}`);
      for (const idea of secondary.ideas) lines.push(`  * ${idea}`);
    }
  }
  return lines.join("\n");
}

export type SkeletonParse = { ok: true; skeleton: Skeleton } | { ok: false; message: string };

/** The text form back into a skeleton; a line that cannot be placed is named in the message. */
export function parseSkeleton(text: string): SkeletonParse {
  const skeleton: Skeleton = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    const marker = trimmed[0];
    const body = marker === "-" || marker === "*" ? trimmed.slice(1).trim() : trimmed;
    const where = `Line ${index + 1}`;
    if (body === "") return { ok: false, message: `${where} has a marker but no text` };
    if (body.length > 300) return { ok: false, message: `${where} must be 300 characters or fewer` };
    const primary = skeleton.at(-1);
    if (marker === "-") {
      if (!primary) return { ok: false, message: `${where}: put a primary driver above a secondary driver (“- …”)` };
      primary.secondaries.push({ text: body, ideas: [] });
    } else if (marker === "*") {
      if (!primary) return { ok: false, message: `${where}: put a driver above a change idea (“* …”)` };
      (primary.secondaries.at(-1) ?? primary).ideas.push(body);
    } else {
      skeleton.push({ text: body, ideas: [], secondaries: [] });
    }
  }
  const checked = skeletonSchema.safeParse(skeleton);
  if (!checked.success)
    return {
      ok: false,
      message: "The driver diagram has too many lines: keep it to 20 primary drivers, 30 under each",
    };
  return { ok: true, skeleton };
}

/** How many drivers and change ideas a skeleton holds (for the template list). */
export function skeletonCounts(skeleton: Skeleton) {
  let drivers = 0;
  let ideas = 0;
  for (const p of skeleton) {
    drivers += 1 + p.secondaries.length;
    ideas += p.ideas.length + p.secondaries.reduce((n, s) => n + s.ideas.length, 0);
  }
  return { drivers, ideas };
}
