"use server";
// Thin adapters from the priority-setting forms to lib/priorities: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, withCollaborativeSlug } from "@/lib/forms/action";
import {
  addComment,
  closeRound,
  openRound,
  proposeCandidate,
  submitBallot,
  updatePriorityStatus,
  updateRound,
  withdrawCandidate,
} from "./mutations";
import {
  ballotFormSchema,
  closeRoundSchema,
  commentSchema,
  openRoundSchema,
  priorityStatusSchema,
  proposeCandidateSchema,
  updateRoundSchema,
  withdrawCandidateSchema,
} from "./schemas";

function refreshWorkspace(slug: string, roundId?: string) {
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/rounds`);
  if (roundId) revalidatePath(`/collaboratives/${slug}/rounds/${roundId}`);
}

export const openRoundAction = formAction({
  schema: withCollaborativeSlug(openRoundSchema),
  arrays: ["areaIds"],
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const { id } = await openRound(viewer, input);
    refreshWorkspace(slug);
    redirect(`/collaboratives/${slug}/rounds/${id}`);
  },
});

export const updateRoundAction = formAction({
  schema: withCollaborativeSlug(updateRoundSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await updateRound(viewer, input);
    refreshWorkspace(slug, input.roundId);
    redirect(`/collaboratives/${slug}/rounds/${input.roundId}`);
  },
});

export const proposeCandidateAction = formAction({
  schema: withCollaborativeSlug(proposeCandidateSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await proposeCandidate(viewer, input);
    refreshWorkspace(slug, input.roundId);
    return { ok: true, message: `Thank you: "${input.title}" is now a candidate in this round.` };
  },
});

export const withdrawCandidateAction = formAction({
  schema: withCollaborativeSlug(withdrawCandidateSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await withdrawCandidate(viewer, input);
    refreshWorkspace(slug, input.roundId);
    return { ok: true, message: "The candidate has been removed from the round." };
  },
});

export const addCommentAction = formAction({
  schema: withCollaborativeSlug(commentSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await addComment(viewer, input);
    refreshWorkspace(slug, input.roundId);
    return { ok: true, message: "Thank you: your comment has been added." };
  },
});

export const submitBallotAction = formAction({
  schema: withCollaborativeSlug(ballotFormSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await submitBallot(viewer, input);
    refreshWorkspace(slug, input.roundId);
    return { ok: true, message: "Thank you: your ranking has been recorded." };
  },
});

export const closeRoundAction = formAction({
  schema: withCollaborativeSlug(closeRoundSchema),
  arrays: ["chosen"],
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await closeRound(viewer, input);
    refreshWorkspace(slug, input.roundId);
    redirect(`/collaboratives/${slug}/rounds/${input.roundId}`);
  },
});

export const updatePriorityStatusAction = formAction({
  schema: withCollaborativeSlug(priorityStatusSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const { slug: prioritySlug } = await updatePriorityStatus(viewer, input);
    revalidatePath(`/collaboratives/${slug}/priorities/${prioritySlug}`);
    revalidatePath(`/collaboratives/${slug}`);
    return { ok: true, message: "The priority's status has been updated." };
  },
});
