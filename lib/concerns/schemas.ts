import { z } from "zod";
import { CONTACT_RETENTION_MAX_MONTHS, CONTACT_RETENTION_MIN_MONTHS } from "@/lib/privacy/retention-schedule";
import { idField, optionalText, pageNumber, requiredText, versionField } from "@/lib/schema-fields";
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
  reply: 5000,
  reason: 2000,
} as const;

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const optionalSlug = z.preprocess((v) => (v === "" ? undefined : v), slug.optional());

export const SOMETHING_ELSE = "something-else";
export const NOT_SURE = "not-sure";

/** What the form is sending: a concern, or what went well (the same form, its questions adapted). */
export const SUBMISSION_KINDS = ["CONCERN", "EXCELLENCE"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const concernFormSchema = z
  .object({
    kind: z.enum(SUBMISSION_KINDS).default("CONCERN"),
    idempotencyKey: z.string().regex(/^[0-9a-f-]{36}$/i, "This form has expired. Reload the page and send it again."),
    // A field people never see: only robots fill it in (submitConcern refuses them quietly).
    website: z.string().max(2000).optional(),
    postcode: optionalText(LIMITS.postcode, "Postcode", { clean: true }),
    organisationText: optionalText(LIMITS.organisationText, "The name of the organisation", { clean: true }),
    region: optionalSlug,
    collaborative: optionalSlug,
    happenedWhen: z.enum(Object.keys(HAPPENED_WHEN) as [keyof typeof HAPPENED_WHEN], {
      error: "Select roughly when it happened",
    }),
    whatHappened: requiredText(LIMITS.whatHappened, "What happened", "Enter what happened", { clean: true }),
    priorityArea: z
      .string({ error: "Select what the concern is about" })
      .regex(/^[a-z0-9-]{1,80}$/, "Select what the concern is about"),
    pathwayStage: z
      .string({ error: "Select where in their care it happened" })
      .regex(/^[a-z0-9-]{1,80}$/, "Select where in their care it happened"),
    impact: optionalText(LIMITS.impact, "The impact", { clean: true }),
    whatWouldHaveHelped: optionalText(LIMITS.whatWouldHaveHelped, "What would have helped", { clean: true }),
    reporterRelation: z.enum(["PATIENT", "CARER", "OTHER"], { error: "Select who you are" }),
    contactPreference: z.enum(["contact", "anonymous"], { error: "Select whether we can contact you" }),
    contactName: optionalText(LIMITS.contactName, "Name", { clean: true }),
    contactEmail: optionalText(LIMITS.contactEmail, "Email address", { clean: true }).pipe(
      z.union([z.literal(""), z.email("Enter an email address in the correct format, like name@example.com")]),
    ),
    contactPhone: optionalText(LIMITS.contactPhone, "Phone number", { clean: true }).pipe(
      z.union([
        z.literal(""),
        z.string().regex(/^\+?[0-9 ()-]{7,}$/, "Enter a phone number, like 01632 960 001 or 07700 900 982"),
      ]),
    ),
    // Optional and never pre-selected: only a clear yes allows sharing; no answer is kept as "not answered"
    // and treated as no. A safety concern is never held up by a question about publicity.
    publicSummaryConsent: z.enum(["yes", "no"]).optional(),
    linkToAccount: z.enum(["yes"]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.contactPreference === "contact" && !v.contactEmail && !v.contactPhone) {
      ctx.addIssue({
        code: "custom",
        path: ["contactEmail"],
        message: "Enter an email address or a phone number, or choose to stay anonymous",
      });
    }
  });

export type ConcernFormInput = z.infer<typeof concernFormSchema>;

export const trackLookupSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(1, "Enter your reference, like PSC-7K4D-92QF")
    .max(40, "Enter your reference, like PSC-7K4D-92QF"),
  link: z.string().trim().min(1, "Enter your tracking link").max(500, "Enter your tracking link"),
});

/** "I lost my link": names of their own, as the page's other form has a reference too. */
export const newLinkSchema = z.object({
  newLinkReference: z
    .string()
    .trim()
    .min(1, "Enter your reference, like PSC-7K4D-92QF")
    .max(40, "Enter your reference, like PSC-7K4D-92QF"),
  newLinkEmail: z
    .string()
    .trim()
    .min(1, "Enter the email address you gave with your concern")
    .max(LIMITS.contactEmail, `Enter an email address of ${LIMITS.contactEmail} characters or fewer`)
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
});

export const concernIdSchema = z.object({ concernId: idField });

export const changeStatusSchema = z
  .object({
    concernId: idField,
    version: versionField,
    status: z.enum(CONCERN_STATUSES, { error: "Select the new status" }),
    reason: optionalText(LIMITS.reason, "The reason", { clean: true }),
    outcome: optionalText(LIMITS.reason, "The outcome", { clean: true }),
  })
  .superRefine((v, ctx) => {
    if (v.status === "CLOSED" && !v.outcome)
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "Enter the outcome" });
  });

export const assignSchema = z.object({
  concernId: idField,
  version: versionField,
  assigneeId: z.preprocess((v) => (v === "" ? null : v), idField.nullable()),
});

// Field names are unique across the concern page's forms, so that their ids are too.
export const noteSchema = z.object({
  concernId: idField,
  note: requiredText(LIMITS.note, "The note", "Enter the note", { clean: true }),
});

export const responseSchema = z.object({
  concernId: idField,
  response: requiredText(LIMITS.response, "The response", "Enter the response", { clean: true }),
  // "preview" shows the lead exactly what the reporter will see and "change" goes back to the text, both
  // saving nothing; "publish" saves it.
  intent: z.enum(["preview", "change", "publish"]).catch("publish"),
});

// ─── The reporter's reply (tracking page and "My concerns") ───────────────────

export const REPLY_ANSWERS = ["YES", "PARTLY", "NO"] as const;
export type ReplyAnswerValue = (typeof REPLY_ANSWERS)[number];

/** The question's answers, in the reporter's words (the dashboards count them with the same words). */
export const REPLY_ANSWER_LABELS: Record<ReplyAnswerValue, string> = {
  YES: "Yes",
  PARTLY: "Partly",
  NO: "No",
};

const replyFields = {
  answered: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(REPLY_ANSWERS, { error: "Select yes, partly or no" }).optional(),
  ),
  reply: optionalText(LIMITS.reply, "Your reply", { clean: true }),
};

function saysSomething(v: { answered?: string; reply: string }, ctx: z.RefinementCtx) {
  if (!v.answered && !v.reply)
    ctx.addIssue({
      code: "custom",
      path: ["answered"],
      message: "Select whether our response answered your concern, or write a reply",
    });
}

/** From the tracking page: the private link's token is what gives access (the same shape check as the page's). */
export const trackedReplySchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/), ...replyFields })
  .superRefine(saysSomething);

/** From "My concerns": a registered reporter's own concern. */
export const ownReplySchema = z.object({ concernId: idField, ...replyFields }).superRefine(saysSomething);

/** "priority:<id>" or "project:<id>": one list with both kinds. */
export const linkSchema = z.object({
  concernId: idField,
  version: versionField,
  target: z
    .string({ error: "Select a local priority or a project" })
    .regex(/^(priority|project):[A-Za-z0-9_-]{1,40}$/, "Select a local priority or a project"),
  linkReason: optionalText(LIMITS.reason, "The reason", { clean: true }),
});

export const shareableSchema = z.object({
  concernId: idField,
  version: versionField,
  shareable: z.enum(["yes", "no"], { error: "Select whether the text can be shared" }),
});

export const transferSchema = z.object({
  concernId: idField,
  version: versionField,
  collaborative: z
    .string({ error: "Select the collaborative to send it to" })
    .regex(/^[a-z0-9-]{1,80}$/, "Select the collaborative to send it to"),
  transferReason: requiredText(LIMITS.reason, "The reason", "Enter why it belongs to that collaborative", {
    clean: true,
  }),
});

export const settingsSchema = z.object({
  collaborativeId: idField,
  acknowledgementDays: z.coerce
    .number({ error: "Enter a number of working days" })
    .int("Enter a whole number of working days")
    .min(1, "Enter at least 1 working day")
    .max(30, "Enter 30 working days or fewer"),
  contactRetentionMonths: z.coerce
    .number({ error: "Enter a number of months" })
    .int("Enter a whole number of months")
    .min(CONTACT_RETENTION_MIN_MONTHS, `Enter at least ${CONTACT_RETENTION_MIN_MONTHS} month`)
    .max(
      CONTACT_RETENTION_MAX_MONTHS,
      `Enter ${CONTACT_RETENTION_MAX_MONTHS} months or fewer: the privacy notice promises deletion within ${CONTACT_RETENTION_MAX_MONTHS} months of closure`,
    ),
});

/** The triage queue's filters, from the URL. Anything unexpected is ignored rather than an error. */
export const queueFilterSchema = z.object({
  // "reply": a reporter's reply is waiting for the team (whatever the status).
  status: z.enum([...CONCERN_STATUSES, "open", "reply", "all"]).catch("open"),
  area: z
    .string()
    .max(80)
    .regex(/^[A-Za-z0-9_-]*$/)
    .catch(""),
  organisation: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9_-]*$/)
    .catch(""),
  age: z.enum(["", "overdue", "week", "month", "older"]).catch(""),
  page: pageNumber,
});
export type QueueFilters = z.infer<typeof queueFilterSchema>;
