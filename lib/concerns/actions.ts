"use server";
// Thin adapters from the concern forms to the domain: parse, find the viewer, call, respond.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { requestIp } from "@/lib/auth/request-ip";
import { formObject, formValues, invalid, runForm, type FormState } from "@/lib/forms";
import {
  assignSchema,
  changeStatusSchema,
  concernFormSchema,
  concernIdSchema,
  linkSchema,
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
  type SubmittedConcern,
} from "./mutations";
import { referenceMatchesToken } from "./queries";
import { tokenFromTypedLink } from "./tracking-token";
import { rememberSubmission } from "./confirmation-cookie";
import { STATUS_LABELS } from "./triage";

/** Never echo the robots' field back into the form. */
function withoutHoneypot(state: FormState): FormState {
  if (!state.values) return state;
  const { website: _w, ...values } = state.values;
  return { ...state, values };
}

export async function submitConcernAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = concernFormSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutHoneypot(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const done: { submitted?: SubmittedConcern } = {};
  const state = await runForm(formData, async () => {
    const outcome = await submitConcern(viewer, parsed.data, { ip });
    if (outcome.kind === "confirm") {
      // Not an error: the form comes back with one more question, where it should go.
      return {
        ok: false,
        values: formValues(formData),
        data: { confirm: outcome.reason, suggested: outcome.suggested, options: outcome.options.join(","), postcodeArea: outcome.postcodeArea ?? "", place: outcome.place ?? "" },
      };
    }
    done.submitted = outcome;
  });
  if (!done.submitted) return withoutHoneypot(state);
  await rememberSubmission(done.submitted.reference, done.submitted.token);
  redirect("/concerns/confirmation");
}

export async function trackLookupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = trackLookupSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const token = tokenFromTypedLink(parsed.data.link);
  if (!token) return { ok: false, fieldErrors: { link: "Enter the whole tracking link from your confirmation page or email" }, values: formValues(formData) };
  const viewer = await getViewer();
  const lookup = { found: false };
  const state = await runForm(formData, async () => {
    lookup.found = await referenceMatchesToken(viewer, parsed.data.reference, token);
    if (!lookup.found) return { ok: false, message: "We could not find a concern with that reference and tracking link. Check both and try again.", values: formValues(formData) };
  });
  if (!lookup.found) return state;
  redirect(`/concerns/track/${token}`);
}

// ─── Triage (leads of the concern's collaborative) ───────────────────────────

function refreshTriage() {
  revalidatePath("/collaboratives/[slug]/concerns", "layout");
}

export async function changeStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = changeStatusSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    await changeConcernStatus(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: `Status changed to "${STATUS_LABELS[parsed.data.status]}".` };
  });
}

export async function assignAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = assignSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    await assignConcern(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: parsed.data.assigneeId ? "Concern assigned." : "Concern unassigned." };
  });
}

export async function addNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = noteSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    await addConcernNote(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: "Note added. Only the team can see it." };
  });
}

export async function respondAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = responseSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    const { responseId, mayEmail } = await respondToConcern(viewer, parsed.data);
    refreshTriage();
    if (!mayEmail) return { ok: true, message: "Response published on the reporter's tracking page. They did not give contact details for email, so it was not emailed." };
    // The response is saved whatever happens to the email; the retry job sends what failed here.
    const outcome = await deliverResponseEmail(responseId).catch((error: unknown) => {
      console.error("[concerns] response email not sent", error);
      return "failed" as const;
    });
    const emailed: Record<typeof outcome, string> = {
      sent: "It has been emailed to the reporter.",
      "already-sent": "It has been emailed to the reporter.",
      "no-email": "The reporter gave a phone number but no email address, so it was not emailed.",
      "no-consent": "The reporter did not agree to be contacted, so it was not emailed.",
      failed: "The email could not be sent just now; it will be tried again automatically.",
    };
    return { ok: true, message: `Response published on the reporter's tracking page. ${emailed[outcome]}` };
  });
}

export async function linkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = linkSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    await linkConcern(viewer, parsed.data);
    refreshTriage();
    revalidatePath("/projects/[id]", "page");
    return { ok: true, message: "Concern linked." };
  });
}

export async function shareableAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = shareableSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    await setConcernShareable(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: parsed.data.shareable === "yes" ? "The text can now be shared outside the collaborative." : "The text is now kept within the collaborative." };
  });
}

export async function transferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = transferSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const moved: { fromSlug?: string } = {};
  const state = await runForm(formData, async () => {
    moved.fromSlug = (await transferConcern(viewer, parsed.data)).fromSlug;
    refreshTriage();
  });
  if (!moved.fromSlug) return state;
  // The concern now belongs to another collaborative: back to this team's queue.
  redirect(`/collaboratives/${moved.fromSlug}/concerns?passedOn=1`);
}

export async function revealContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = concernIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const ip = await requestIp();
  return runForm(formData, async () => {
    const contact = await revealContact(viewer, parsed.data.concernId, ip);
    return { ok: true, data: { name: contact.name ?? "", email: contact.email ?? "", phone: contact.phone ?? "" } };
  });
}

export async function settingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = settingsSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    await updateConcernSettings(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: "Settings saved." };
  });
}

export async function releaseHeldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = concernIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    const { reference } = await releaseHeldConcern(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: `${reference} released: it is now in the list below as a new concern.` };
  });
}

export async function discardHeldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = concernIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return runForm(formData, async () => {
    const { reference } = await discardHeldConcern(viewer, parsed.data);
    refreshTriage();
    return { ok: true, message: `${reference} discarded and erased.` };
  });
}
