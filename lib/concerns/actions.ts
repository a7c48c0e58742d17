"use server";
// Thin adapters from the concern forms to the domain: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestIp } from "@/lib/auth/request-ip";
import { formAction } from "@/lib/forms/action";
import {
  assignSchema,
  changeStatusSchema,
  concernFormSchema,
  concernIdSchema,
  linkSchema,
  newLinkSchema,
  noteSchema,
  responseSchema,
  settingsSchema,
  shareableSchema,
  trackLookupSchema,
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
  respondToConcern,
  revealContact,
  setConcernShareable,
  submitConcern,
  transferConcern,
  updateConcernSettings,
} from "./mutations";
import { referenceMatchesToken } from "./queries";
import { requestNewTrackingLink } from "./outbox";
import { tokenFromTypedLink } from "./tracking-token";
import { rememberSubmission } from "./confirmation-cookie";
import { STATUS_LABELS } from "./triage";

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

// ─── Triage (leads of the concern's collaborative) ───────────────────────────

function refreshTriage() {
  revalidatePath("/collaboratives/[slug]/concerns", "layout");
}

export const changeStatusAction = formAction({
  schema: changeStatusSchema,
  handler: async ({ input, viewer }) => {
    await changeConcernStatus(viewer, input);
    refreshTriage();
    return { ok: true, message: `Status changed to "${STATUS_LABELS[input.status]}".` };
  },
});

export const assignAction = formAction({
  schema: assignSchema,
  handler: async ({ input, viewer }) => {
    await assignConcern(viewer, input);
    refreshTriage();
    return { ok: true, message: input.assigneeId ? "Concern assigned." : "Concern unassigned." };
  },
});

export const addNoteAction = formAction({
  schema: noteSchema,
  handler: async ({ input, viewer }) => {
    await addConcernNote(viewer, input);
    refreshTriage();
    return { ok: true, message: "Note added. Only the team can see it." };
  },
});

const EMAILED: Record<Awaited<ReturnType<typeof deliverResponseEmail>> | "failed", string> = {
  sent: "It has been emailed to the reporter.",
  "already-sent": "It has been emailed to the reporter.",
  "no-email": "The reporter gave a phone number but no email address, so it was not emailed.",
  "no-consent": "The reporter did not agree to be contacted, so it was not emailed.",
  failed: "The email could not be sent just now; it will be tried again automatically.",
};

export const respondAction = formAction({
  schema: responseSchema,
  handler: async ({ input, viewer }) => {
    const { responseId, mayEmail } = await respondToConcern(viewer, input);
    refreshTriage();
    if (!mayEmail)
      return {
        ok: true,
        message:
          "Response published on the reporter's tracking page. They did not give contact details for email, so it was not emailed.",
      };
    // The response is saved whatever happens to the email; the retry job sends what failed here.
    const outcome = await deliverResponseEmail(responseId).catch((error: unknown) => {
      console.error("[concerns] response email not sent", error);
      return "failed" as const;
    });
    return { ok: true, message: `Response published on the reporter's tracking page. ${EMAILED[outcome]}` };
  },
});

export const linkAction = formAction({
  schema: linkSchema,
  handler: async ({ input, viewer }) => {
    await linkConcern(viewer, input);
    refreshTriage();
    revalidatePath("/projects/[id]", "page");
    return { ok: true, message: "Concern linked." };
  },
});

export const shareableAction = formAction({
  schema: shareableSchema,
  handler: async ({ input, viewer }) => {
    await setConcernShareable(viewer, input);
    refreshTriage();
    return {
      ok: true,
      message:
        input.shareable === "yes"
          ? "The text can now be shared outside the collaborative."
          : "The text is now kept within the collaborative.",
    };
  },
});

export const transferAction = formAction({
  schema: transferSchema,
  handler: async ({ input, viewer }) => {
    const { fromSlug } = await transferConcern(viewer, input);
    refreshTriage();
    // The concern now belongs to another collaborative: back to this team's queue.
    redirect(`/collaboratives/${fromSlug}/concerns?passedOn=1`);
  },
});

export const revealContactAction = formAction({
  schema: concernIdSchema,
  handler: async ({ input, viewer }) => {
    const contact = await revealContact(viewer, input.concernId, await requestIp());
    return { ok: true, data: { name: contact.name ?? "", email: contact.email ?? "", phone: contact.phone ?? "" } };
  },
});

export const settingsAction = formAction({
  schema: settingsSchema,
  handler: async ({ input, viewer }) => {
    await updateConcernSettings(viewer, input);
    refreshTriage();
    return { ok: true, message: "Settings saved." };
  },
});

export const releaseHeldAction = formAction({
  schema: concernIdSchema,
  handler: async ({ input, viewer }) => {
    const { reference } = await releaseHeldConcern(viewer, input);
    refreshTriage();
    return { ok: true, message: `${reference} released: it is now in the list below as a new concern.` };
  },
});

export const discardHeldAction = formAction({
  schema: concernIdSchema,
  handler: async ({ input, viewer }) => {
    const { reference } = await discardHeldConcern(viewer, input);
    refreshTriage();
    return { ok: true, message: `${reference} discarded and erased.` };
  },
});
