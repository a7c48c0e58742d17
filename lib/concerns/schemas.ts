import { z } from "zod";
import { CONCERN_STATUSES, HAPPENED_WHEN } from "./triage";

// Field names are the forms' input names. Messages follow the NHS error message style.

export const LIMITS = {
  whatHappened: 5000,
  impact: 3000,
  whatWouldHaveHelped: 3000,
  organisationText: 200,
  postcode: 10,
  contactName: 100,
  contactEmail: 254,
  contactPhone: 30,
  note: 5000,
  response: 5000,
  reason: 2000,
} as const;

/**
 * Free text as stored: line breaks as \n (browsers send \r\n, which would count twice against the
 * limit) and no control characters (PostgreSQL rejects NUL; the rest have no place in a concern).
 */
function text(max: number, tooLong: string) {
  return z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(/(?![\t\n\r\u0080-\u009F])\p{Cc}/gu, "").trim())
    .pipe(z.string().max(max, tooLong));
}
const requiredText = (max: number, empty: string, tooLong: string) => text(max, tooLong).pipe(z.string().min(1, empty));
const optionalText = (max: number, tooLong: string) => z.preprocess((v) => v ?? "", text(max, tooLong));
const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const optionalSlug = z.preprocess((v) => (v === "" ? undefined : v), slug.optional());
const id = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);
const version = z.coerce.number().int().min(1);

export const SOMETHING_ELSE = "something-else";
export const NOT_SURE = "not-sure";

export const concernFormSchema = z
  .object({
    idempotencyKey: z.string().regex(/^[0-9a-f-]{36}$/i, "This form has expired. Reload the page and send it again."),
    // A field people never see: only robots fill it in (submitConcern refuses them quietly).
    website: z.string().max(2000).optional(),
    postcode: optionalText(LIMITS.postcode, "Postcode must be 10 characters or fewer"),
    organisationText: optionalText(LIMITS.organisationText, `The name of the organisation must be ${LIMITS.organisationText} characters or fewer`),
    region: optionalSlug,
    collaborative: optionalSlug,
    happenedWhen: z.enum(Object.keys(HAPPENED_WHEN) as [keyof typeof HAPPENED_WHEN], { error: "Select roughly when it happened" }),
    whatHappened: requiredText(LIMITS.whatHappened, "Enter what happened", `What happened must be ${LIMITS.whatHappened.toLocaleString("en-GB")} characters or fewer`),
    priorityArea: z.string({ error: "Select what the concern is about" }).regex(/^[a-z0-9-]{1,80}$/, "Select what the concern is about"),
    pathwayStage: z.string({ error: "Select where in their care it happened" }).regex(/^[a-z0-9-]{1,80}$/, "Select where in their care it happened"),
    impact: optionalText(LIMITS.impact, `The impact must be ${LIMITS.impact.toLocaleString("en-GB")} characters or fewer`),
    whatWouldHaveHelped: optionalText(LIMITS.whatWouldHaveHelped, `What would have helped must be ${LIMITS.whatWouldHaveHelped.toLocaleString("en-GB")} characters or fewer`),
    reporterRelation: z.enum(["PATIENT", "CARER", "OTHER"], { error: "Select who you are" }),
    contactPreference: z.enum(["contact", "anonymous"], { error: "Select whether we can contact you" }),
    contactName: optionalText(LIMITS.contactName, `Name must be ${LIMITS.contactName} characters or fewer`),
    contactEmail: optionalText(LIMITS.contactEmail, `Email address must be ${LIMITS.contactEmail} characters or fewer`).pipe(
      z.union([z.literal(""), z.email("Enter an email address in the correct format, like name@example.com")]),
    ),
    contactPhone: optionalText(LIMITS.contactPhone, `Phone number must be ${LIMITS.contactPhone} characters or fewer`).pipe(
      z.union([z.literal(""), z.string().regex(/^\+?[0-9 ()-]{7,}$/, "Enter a phone number, like 01632 960 001 or 07700 900 982")]),
    ),
    linkToAccount: z.enum(["yes"]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.contactPreference === "contact" && !v.contactEmail && !v.contactPhone) {
      ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "Enter an email address or a phone number, or choose to stay anonymous" });
    }
  });

export type ConcernFormInput = z.infer<typeof concernFormSchema>;

export const trackLookupSchema = z.object({
  reference: z.string().trim().min(1, "Enter your reference, like PSC-7K4D-92QF").max(40, "Enter your reference, like PSC-7K4D-92QF"),
  link: z.string().trim().min(1, "Enter your tracking link").max(500, "Enter your tracking link"),
});

export const concernIdSchema = z.object({ concernId: id });

export const changeStatusSchema = z
  .object({
    concernId: id,
    version,
    status: z.enum(CONCERN_STATUSES, { error: "Select the new status" }),
    reason: optionalText(LIMITS.reason, `The reason must be ${LIMITS.reason.toLocaleString("en-GB")} characters or fewer`),
    outcome: optionalText(LIMITS.reason, `The outcome must be ${LIMITS.reason.toLocaleString("en-GB")} characters or fewer`),
  })
  .superRefine((v, ctx) => {
    if (v.status === "CLOSED" && !v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "Enter the outcome" });
  });

export const assignSchema = z.object({ concernId: id, version, assigneeId: z.preprocess((v) => (v === "" ? null : v), id.nullable()) });

// Field names are unique across the concern page's forms, so that their ids are too.
export const noteSchema = z.object({
  concernId: id,
  note: requiredText(LIMITS.note, "Enter the note", `The note must be ${LIMITS.note.toLocaleString("en-GB")} characters or fewer`),
});

export const responseSchema = z.object({
  concernId: id,
  response: requiredText(LIMITS.response, "Enter the response", `The response must be ${LIMITS.response.toLocaleString("en-GB")} characters or fewer`),
});

/** "priority:<id>" or "project:<id>": one list with both kinds. */
export const linkSchema = z.object({
  concernId: id,
  version,
  target: z.string({ error: "Select a local priority or a project" }).regex(/^(priority|project):[A-Za-z0-9_-]{1,40}$/, "Select a local priority or a project"),
  linkReason: optionalText(LIMITS.reason, `The reason must be ${LIMITS.reason.toLocaleString("en-GB")} characters or fewer`),
});

export const shareableSchema = z.object({ concernId: id, version, shareable: z.enum(["yes", "no"], { error: "Select whether the text can be shared" }) });

export const transferSchema = z.object({
  concernId: id,
  version,
  collaborative: z.string({ error: "Select the collaborative to send it to" }).regex(/^[a-z0-9-]{1,80}$/, "Select the collaborative to send it to"),
  transferReason: requiredText(LIMITS.reason, "Enter why it belongs to that collaborative", `The reason must be ${LIMITS.reason.toLocaleString("en-GB")} characters or fewer`),
});

export const settingsSchema = z.object({
  collaborativeId: id,
  acknowledgementDays: z.coerce.number({ error: "Enter a number of working days" }).int("Enter a whole number of working days").min(1, "Enter at least 1 working day").max(30, "Enter 30 working days or fewer"),
  contactRetentionMonths: z.coerce.number({ error: "Enter a number of months" }).int("Enter a whole number of months").min(1, "Enter at least 1 month").max(12, "Enter 12 months or fewer: the privacy notice promises deletion within 12 months of closure"),
});

/** The triage queue's filters, from the URL. Anything unexpected is ignored rather than an error. */
export const queueFilterSchema = z.object({
  status: z.enum([...CONCERN_STATUSES, "open", "all"]).catch("open"),
  area: z.string().max(80).regex(/^[A-Za-z0-9_-]*$/).catch(""),
  organisation: z.string().max(40).regex(/^[A-Za-z0-9_-]*$/).catch(""),
  age: z.enum(["", "overdue", "week", "month", "older"]).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueFilters = z.infer<typeof queueFilterSchema>;
