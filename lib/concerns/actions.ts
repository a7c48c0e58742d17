"use server";
// Thin adapters from the concern forms to the domain: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/request-ip";
import { formAction } from "@/lib/forms/action";
import { withDoneBanner, type DoneKey } from "@/lib/forms/done";
import type { Viewer } from "@/lib/auth/viewer-types";
import {
  assignSchema,
  changeStatusSchema,
  concernFormSchema,
  concernIdSchema,
  linkSchema,
  newLinkSchema,
  noteSchema,
  ownReplySchema,
  responseSchema,
  settingsSchema,
  shareableSchema,
  trackLookupSchema,
  trackedReplySchema,
  transferSchema,
} from "./schemas";
import {
  addConcernNote,
  assignConcern,
  changeConcernStatus,
  deliverResponseEmail,
  discardHeldConcern,
  linkConcern,
  releaseHeldConcern,
  replyToConcern,
  respondToConcern,
  revealContact,
  setConcernShareable,
  submitConcern,
  transferConcern,
  updateConcernSettings,
} from "./mutations";
import { concernTriagePath, referenceMatchesToken, triageQueuePath } from "./queries";
import { requestNewTrackingLink } from "./outbox";
import { tokenFromTypedLink } from "./tracking-token";
import { rememberSubmission } from "./confirmation-cookie";

export const submitConcernAction = formAction({
  schema: concernFormSchema,
  handler: async ({ input, viewer, values }) => {
    const outcome = await submitConcern(viewer, input, { ip: await requestIp() });
    if (outcome.kind === "confirm") {
      // Not an error: the form comes back with one more question, where it should go.
      return {
        ok: false,
        values,
        data: {
          confirm: outcome.reason,
          suggested: outcome.suggested,
          options: outcome.options.join(","),
          postcodeArea: outcome.postcodeArea ?? "",
          place: outcome.place ?? "",
        },
      };
    }
    await rememberSubmission(outcome);
    // Someone may be in danger now (issue 23): where to get help comes first, then the confirmation.
    redirect(outcome.urgent ? "/concerns/urgent-help" : "/concerns/confirmation");
  },
});

export const trackLookupAction = formAction({
  schema: trackLookupSchema,
  handler: async ({ input, viewer, values }) => {
    const token = tokenFromTypedLink(input.link);
    if (!token)
      return {
        ok: false,
        fieldErrors: { link: "Enter the whole tracking link from your confirmation page or email" },
        values,
      };
    if (!(await referenceMatchesToken(viewer, input.reference, token))) {
      return {
        ok: false,
        message: "We could not find a concern with that reference and tracking link. Check both and try again.",
        values,
      };
    }
    redirect(`/concerns/track/${token}`);
  },
});

/** "I lost my link": the same page follows whether or not the reference and address match. */
export const requestNewLinkAction = formAction({
  schema: newLinkSchema,
  handler: async ({ input, viewer }) => {
    await requestNewTrackingLink(viewer, input, await requestIp());
    redirect("/concerns/track/link-sent");
  },
});

// ─── The reporter's reply ─────────────────────────────────────────────────────

export const replyByTrackingLinkAction = formAction({
  schema: trackedReplySchema,
  handler: async ({ input, viewer }) => {
    await replyToConcern(viewer, { kind: "token", token: input.token }, input, { ip: await requestIp() });
    refreshTriage();
    // Back to the tracking page, landing on the thanks (and the reply under it, in the conversation).
    redirect(withDoneBanner(`/concerns/track/${input.token}`, "reply-sent"));
  },
});

export const replyToMyConcernAction = formAction({
  schema: ownReplySchema,
  handler: async ({ input, viewer }) => {
    const { concernId } = await replyToConcern(viewer, { kind: "own", concernId: input.concernId }, input, {
      ip: await requestIp(),
    });
    refreshTriage();
    revalidatePath("/my/concerns", "layout");
    redirect(withDoneBanner(`/my/concerns/${concernId}`, "reply-sent"));
  },
});

// ─── Triage (leads of the concern's collaborative) ───────────────────────────

function refreshTriage() {
  revalidatePath("/collaboratives/[slug]/concerns", "layout");
}

/**
 * After a change on a concern's page: back to it, with the result first in main and focused (the
 * banner's #done fragment without JavaScript), so the result is never out of sight below the forms.
 */
async function backToConcern(viewer: Viewer, concernId: string, key: DoneKey): Promise<never> {
  refreshTriage();
  redirect(withDoneBanner(await concernTriagePath(viewer, concernId), key));
}

const STATUS_DONE = {
  ACKNOWLEDGED: "concern-status-acknowledged",
  UNDER_REVIEW: "concern-status-under-review",
  CLOSED: "concern-status-closed",
} as const satisfies Partial<Record<string, DoneKey>>;

export const changeStatusAction = formAction({
  schema: changeStatusSchema,
  handler: async ({ input, viewer }) => {
    await changeConcernStatus(viewer, input);
    // Only the hand-chosen statuses pass changeConcernStatus (manualNextStatuses).
    const key: DoneKey = STATUS_DONE[input.status as keyof typeof STATUS_DONE] ?? "concern-status-under-review";
    return backToConcern(viewer, input.concernId, key);
  },
});

export const assignAction = formAction({
  schema: assignSchema,
  handler: async ({ input, viewer }) => {
    await assignConcern(viewer, input);
    return backToConcern(viewer, input.concernId, input.assigneeId ? "concern-assigned" : "concern-unassigned");
  },
});

export const addNoteAction = formAction({
  schema: noteSchema,
  handler: async ({ input, viewer }) => {
    await addConcernNote(viewer, input);
    return backToConcern(viewer, input.concernId, "concern-note-added");
  },
});

const EMAILED: Record<Awaited<ReturnType<typeof deliverResponseEmail>> | "failed", DoneKey> = {
  sent: "concern-responded-emailed",
  "already-sent": "concern-responded-emailed",
  "no-email": "concern-responded-no-email",
  "no-consent": "concern-responded-no-consent",
  failed: "concern-responded-email-failed",
};

/**
 * "Preview" saves nothing: it shows the lead exactly what the reporter will see, with what they typed
 * kept for "Publish" or "Change". "Publish" saves it and emails it.
 */
export const respondAction = formAction({
  schema: responseSchema,
  handler: async ({ input, viewer, values }) => {
    if (input.intent !== "publish") {
      // Asking the policy as publishing would: only the concern's leads may preview a response to it.
      await concernTriagePath(viewer, input.concernId);
      if (input.intent === "change") return { ok: false, values };
      return { ok: false, values, data: { preview: input.response, previewAt: new Date().toISOString() } };
    }
    const { responseId, mayEmail } = await respondToConcern(viewer, input);
    if (!mayEmail) return backToConcern(viewer, input.concernId, "concern-responded-no-contact");
    // The response is saved whatever happens to the email; the retry job sends what failed here.
    const outcome = await deliverResponseEmail(responseId).catch((error: unknown) => {
      console.error("[concerns] response email not sent", error);
      return "failed" as const;
    });
    return backToConcern(viewer, input.concernId, EMAILED[outcome]);
  },
});

export const linkAction = formAction({
  schema: linkSchema,
  handler: async ({ input, viewer }) => {
    await linkConcern(viewer, input);
    revalidatePath("/projects/[id]", "page");
    return backToConcern(viewer, input.concernId, "concern-linked");
  },
});

export const shareableAction = formAction({
  schema: shareableSchema,
  handler: async ({ input, viewer }) => {
    await setConcernShareable(viewer, input);
    return backToConcern(viewer, input.concernId, input.shareable === "yes" ? "concern-shared" : "concern-not-shared");
  },
});

export const transferAction = formAction({
  schema: transferSchema,
  handler: async ({ input, viewer }) => {
    const { fromSlug } = await transferConcern(viewer, input);
    refreshTriage();
    // The concern now belongs to another collaborative: back to this team's queue, landing on the result.
    redirect(withDoneBanner(`/collaboratives/${fromSlug}/concerns`, "concern-passed-on"));
  },
});

export const revealContactAction = formAction({
  schema: concernIdSchema,
  handler: async ({ input, viewer }) => {
    const contact = await revealContact(viewer, input.concernId, await requestIp());
    return { ok: true, data: { name: contact.name ?? "", email: contact.email ?? "", phone: contact.phone ?? "" } };
  },
});

/** After an action on the queue page (settings, held concerns): back to the queue, landing on the result. */
async function backToQueue(viewer: Viewer, collaborativeId: string, key: DoneKey): Promise<never> {
  refreshTriage();
  redirect(withDoneBanner(await triageQueuePath(viewer, collaborativeId), key));
}

export const settingsAction = formAction({
  schema: settingsSchema,
  handler: async ({ input, viewer }) => {
    await updateConcernSettings(viewer, input);
    return backToQueue(viewer, input.collaborativeId, "concern-settings-saved");
  },
});

export const releaseHeldAction = formAction({
  schema: concernIdSchema,
  handler: async ({ input, viewer }) => {
    const { collaborativeId } = await releaseHeldConcern(viewer, input);
    return backToQueue(viewer, collaborativeId, "concern-released");
  },
});

export const discardHeldAction = formAction({
  schema: concernIdSchema,
  handler: async ({ input, viewer }) => {
    const { collaborativeId } = await discardHeldConcern(viewer, input);
    return backToQueue(viewer, collaborativeId, "concern-discarded");
  },
});
