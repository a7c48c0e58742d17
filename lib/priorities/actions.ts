"use server";
// Thin adapters from the priority-setting forms to lib/priorities: parse, find the viewer, call, respond.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, invalid, runForm, type FormState } from "@/lib/forms";
import { withConflicts } from "@/lib/projects/conflict";
import { addComment, closeRound, openRound, proposeCandidate, submitBallot, updatePriorityStatus, updateRound, withdrawCandidate } from "./mutations";
import { ranksFromForm } from "./ranking";
import { ballotSchema, closeRoundSchema, commentSchema, openRoundSchema, priorityStatusSchema, proposeCandidateSchema, updateRoundSchema, withdrawCandidateSchema } from "./schemas";

/** Only used to build paths to refresh and redirect to; the domain functions never trust it. */
function slugFrom(formData: FormData): string {
  const slug = String(formData.get("collaborativeSlug") ?? "");
  return /^[a-z0-9-]+$/.test(slug) ? slug : "";
}

function refreshWorkspace(slug: string, roundId?: string) {
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/rounds`);
  if (roundId) revalidatePath(`/collaboratives/${slug}/rounds/${roundId}`);
}

export async function openRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = openRoundSchema.safeParse(formObject(formData, { arrays: ["areaIds"] }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  let roundId = "";
  const state = await runForm(formData, async () => {
    roundId = (await openRound(viewer, parsed.data)).id;
  });
  if (!state.ok) return state;
  refreshWorkspace(slug);
  redirect(`/collaboratives/${slug}/rounds/${roundId}`);
}

export async function updateRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateRoundSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  const state = await runForm(formData, () => withConflicts(formData, () => updateRound(viewer, parsed.data)));
  if (!state.ok) return state;
  refreshWorkspace(slug, parsed.data.roundId);
  redirect(`/collaboratives/${slug}/rounds/${parsed.data.roundId}`);
}

export async function proposeCandidateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = proposeCandidateSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await proposeCandidate(viewer, parsed.data);
    return { ok: true, message: `Thank you: "${parsed.data.title}" is now a candidate in this round.` };
  });
  if (state.ok) refreshWorkspace(slugFrom(formData), parsed.data.roundId);
  return state;
}

export async function withdrawCandidateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = withdrawCandidateSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await withdrawCandidate(viewer, parsed.data);
    return { ok: true, message: "The candidate has been removed from the round." };
  });
  if (state.ok) refreshWorkspace(slugFrom(formData), parsed.data.roundId);
  return state;
}

export async function addCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = commentSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await addComment(viewer, parsed.data);
    return { ok: true, message: "Thank you: your comment has been added." };
  });
  if (state.ok) refreshWorkspace(slugFrom(formData), parsed.data.roundId);
  return state;
}

export async function submitBallotAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ballotSchema.safeParse({ roundId: formObject(formData).roundId, ranks: ranksFromForm(Object.entries(formObject(formData))) });
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await submitBallot(viewer, parsed.data);
    return { ok: true, message: "Thank you: your ranking has been recorded." };
  });
  if (state.ok) refreshWorkspace(slugFrom(formData), parsed.data.roundId);
  return state;
}

export async function closeRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = closeRoundSchema.safeParse(formObject(formData, { arrays: ["chosen"] }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  const state = await runForm(formData, async () => {
    await closeRound(viewer, parsed.data);
  });
  if (!state.ok) return state;
  refreshWorkspace(slug, parsed.data.roundId);
  redirect(`/collaboratives/${slug}/rounds/${parsed.data.roundId}`);
}

export async function updatePriorityStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = priorityStatusSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  const state = await runForm(formData, async () => {
    const { slug: prioritySlug } = await updatePriorityStatus(viewer, parsed.data);
    revalidatePath(`/collaboratives/${slug}/priorities/${prioritySlug}`);
    return { ok: true, message: "The priority's status has been updated." };
  });
  if (state.ok) revalidatePath(`/collaboratives/${slug}`);
  return state;
}
