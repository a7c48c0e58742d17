"use server";
// Thin adapters from the priority-setting forms to lib/priorities: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, withCollaborativeSlug } from "@/lib/forms/action";
import { withDone } from "@/lib/forms/done";
import {
  addComment,
  checkCloseRound,
  closeRound,
  createRound,
  proposeCandidate,
  scheduleRound,
  submitBallot,
  updatePriorityStatus,
  updateRound,
  withdrawCandidate,
} from "./mutations";
import {
  ballotFormSchema,
  closeRoundSchema,
  commentSchema,
  createRoundSchema,
  priorityStatusSchema,
  proposeCandidateSchema,
  scheduleRoundSchema,
  updateRoundSchema,
  withdrawCandidateSchema,
} from "./schemas";

function refreshWorkspace(slug: string, roundId?: string) {
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/rounds`);
  if (roundId) revalidatePath(`/collaboratives/${slug}/rounds/${roundId}`);
}

const roundPath = (slug: string, roundId: string) => `/collaboratives/${slug}/rounds/${roundId}`;

export const createRoundAction = formAction({
  schema: withCollaborativeSlug(createRoundSchema),
  arrays: ["areaIds", "participantGroups"],
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const { id } = await createRound(viewer, input);
    refreshWorkspace(slug);
    redirect(withDone(roundPath(slug, id), "round-created"));
  },
});

export const updateRoundAction = formAction({
  schema: withCollaborativeSlug(updateRoundSchema),
  arrays: ["participantGroups"],
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await updateRound(viewer, input);
    refreshWorkspace(slug, input.roundId);
    redirect(withDone(roundPath(slug, input.roundId), "round-updated"));
  },
});

export const scheduleRoundAction = formAction({
  schema: withCollaborativeSlug(scheduleRoundSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const { status } = await scheduleRound(viewer, input);
    refreshWorkspace(slug, input.roundId);
    revalidatePath("/home");
    redirect(withDone(roundPath(slug, input.roundId), status === "OPEN" ? "round-opened" : "round-scheduled"));
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

/** Two steps on one form: "check" and "change" come back to the form; "confirm" closes. */
export const closeRoundAction = formAction({
  schema: withCollaborativeSlug(closeRoundSchema),
  arrays: ["chosen"],
  handler: async ({ input: { collaborativeSlug: slug, step, ...input }, viewer, values }) => {
    if (step === "change") return { ok: false, values };
    if (step === "check") {
      await checkCloseRound(viewer, input);
      return { ok: true, values, data: { step: "confirm" } };
    }
    await closeRound(viewer, input);
    refreshWorkspace(slug, input.roundId);
    redirect(withDone(roundPath(slug, input.roundId), "round-closed"));
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
