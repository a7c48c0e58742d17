"use client";
import { useEffect, useRef } from "react";
import { submitConcernAction } from "@/lib/concerns/actions";
import type { ConcernFormOptions } from "@/lib/concerns/queries";
import { HAPPENED_WHEN, RELATION_LABELS } from "@/lib/concerns/triage";
import { LIMITS, NOT_SURE, SOMETHING_ELSE, type SubmissionKind } from "@/lib/concerns/schemas";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

const ORGANISATION_LIST = "member-organisations";
/** The questions in the order the page asks them: the error summary lists their errors in this order. */
const QUESTION_ORDER = [
  "collaborative",
  "whatHappened",
  "happenedWhen",
  "postcode",
  "organisationText",
  "region",
  "pathwayStage",
  "priorityArea",
  "impact",
  "whatWouldHaveHelped",
  "reporterRelation",
  "contactPreference",
  "contactName",
  "contactEmail",
  "contactPhone",
  "linkToAccount",
];
const upTo = (n: number) => `You can enter up to ${n.toLocaleString("en-GB")} characters.`;

/** The questions whose words differ when someone tells us what went well (the rest are the same). */
const WORDING = {
  CONCERN: {
    whatHappenedHeading: "What happened",
    whatHappened: "What happened?",
    areaQuestion: "What is it mostly about?",
    impactHeading: "What it meant",
    impact: "What was the impact? (optional)",
    impactHint: "For example, on your health, your family, or how it made you feel.",
    helped: "What would have helped? (optional)",
    contact: "Can the patient safety team contact you about this concern?",
    send: "Send concern",
  },
  EXCELLENCE: {
    whatHappenedHeading: "What went well",
    whatHappened: "What went well?",
    areaQuestion: "What was it mostly about?",
    impactHeading: "What it meant",
    impact: "What difference did it make? (optional)",
    impactHint: "For example, to your health, your family, or how it made you feel.",
    helped: "What could other services learn from it? (optional)",
    contact: "Can the patient safety team contact you about what you told us?",
    send: "Send what went well",
  },
} as const satisfies Record<SubmissionKind, Record<string, string>>;

/**
 * The public concern form: one page, in the order people tell it. Works without JavaScript (the
 * server action re-renders it with errors and what was typed); the idempotency key makes a double
 * click or a retry send it once.
 */
export function ConcernForm({
  options,
  idempotencyKey,
  signedIn,
  region,
  kind = "CONCERN",
}: {
  options: ConcernFormOptions;
  idempotencyKey: string;
  signedIn: boolean;
  region?: string;
  kind?: SubmissionKind;
}) {
  const words = WORDING[kind];
  const { state, formAction: action, pending, values: v, errors: e, field } = useFormAction(submitConcernAction);
  const nameOf = new Map(options.collaboratives.map((c) => [c.slug, c.name]));

  return (
    <form action={action} noValidate>
      <ErrorSummary errors={e} message={state.message} order={QUESTION_ORDER} />
      {state.data?.confirm && (
        <RoutingQuestion data={state.data} nameOf={nameOf} chosen={v.collaborative} pending={pending} />
      )}
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey || idempotencyKey} />
      <input type="hidden" name="kind" value={kind} />
      {/* Hidden from people (and screen readers); robots that fill in every field give themselves away. What was
          in it comes back with the routing question, so the concern is still held after confirming. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="field-website">Leave this field empty</label>
        <input
          id="field-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue={v.website ?? ""}
        />
      </div>

      <h2>{words.whatHappenedHeading}</h2>
      <TextArea
        name="whatHappened"
        label={words.whatHappened}
        hint={
          <>
            Tell us in your own words. Please do not include the names of staff or other patients.{" "}
            {upTo(LIMITS.whatHappened)}
          </>
        }
        rows={8}
        maxLength={LIMITS.whatHappened}
        defaultValue={v.whatHappened}
        error={e.whatHappened}
      />
      <ChoiceField
        {...field("happenedWhen")}
        label="Roughly when did it happen?"
        options={Object.entries(HAPPENED_WHEN).map(([value, label]) => ({ value, label }))}
      />

      <h2>Where it happened</h2>
      <TextField
        {...field("postcode")}
        label="Postcode of where it happened"
        hint="The postcode of the hospital, GP practice or care home, or your home postcode if it happened at home. The first part is enough, for example SO16."
        autoComplete="off"
        width="max-w-[12rem]"
        maxLength={LIMITS.postcode}
      />
      <TextField
        {...field("organisationText")}
        label="Name of the hospital, GP practice, care home or other service (optional)"
        hint="Start typing to choose from the list of member organisations, or type the name yourself."
        list={ORGANISATION_LIST}
        autoComplete="off"
        maxLength={LIMITS.organisationText}
      />
      <datalist id={ORGANISATION_LIST}>
        {options.organisations.map((o, i) => (
          <option key={i} value={o.name} label={o.collaborativeName} />
        ))}
      </datalist>
      <SelectField
        name="region"
        label="If you do not know the postcode, choose the part of England (optional)"
        placeholder="Choose a part of England"
        options={options.collaboratives.map((c) => ({ value: c.slug, label: `${c.region} (${c.name})` }))}
        defaultValue={v.region ?? region}
        error={e.region}
      />
      <ChoiceField
        {...field("pathwayStage")}
        label="Where in their care did it happen?"
        options={[
          ...options.pathwayStages.map((s) => ({ value: s.slug, label: s.name })),
          { value: NOT_SURE, label: "Somewhere else, or I'm not sure" },
        ]}
      />
      <ChoiceField
        {...field("priorityArea")}
        label={words.areaQuestion}
        options={[
          ...options.priorityAreas.map((a) => ({ value: a.slug, label: a.name })),
          { value: SOMETHING_ELSE, label: "Something else, or I'm not sure" },
        ]}
      />

      <h2>{words.impactHeading}</h2>
      <TextArea
        name="impact"
        label={words.impact}
        hint={
          <>
            {words.impactHint} {upTo(LIMITS.impact)}
          </>
        }
        maxLength={LIMITS.impact}
        defaultValue={v.impact}
        error={e.impact}
      />
      <TextArea
        {...field("whatWouldHaveHelped")}
        label={words.helped}
        hint={upTo(LIMITS.whatWouldHaveHelped)}
        maxLength={LIMITS.whatWouldHaveHelped}
      />

      <h2>About you</h2>
      <ChoiceField
        {...field("reporterRelation")}
        label="Who are you?"
        options={(["PATIENT", "CARER", "OTHER"] as const).map((value) => ({
          value,
          label:
            value === "PATIENT"
              ? "I am the patient"
              : value === "CARER"
                ? "I am a carer, relative or friend of the patient"
                : `${RELATION_LABELS.OTHER}, for example a visitor`,
        }))}
      />
      <ChoiceField
        {...field("contactPreference")}
        label={words.contact}
        options={[
          {
            value: "contact",
            label: "Yes, you can contact me",
            hint: "Only the collaborative's patient safety team can see your details. They may email you their response. Your details are deleted after your concern is closed.",
          },
          {
            value: "anonymous",
            label: "No, I want to stay anonymous",
            hint: "You can still follow your concern with the private link we will give you.",
          },
        ]}
      />
      <div className="mb-6 border-l-4 border-nhs-grey-3 pl-4">
        <p className="text-nhs-secondary-text">If you answered yes, give an email address or a phone number.</p>
        <TextField
          {...field("contactName")}
          label="Your name (optional)"
          autoComplete="name"
          maxLength={LIMITS.contactName}
        />
        <TextField
          {...field("contactEmail")}
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={LIMITS.contactEmail}
        />
        <TextField
          {...field("contactPhone")}
          label="Phone number"
          type="tel"
          autoComplete="tel"
          width="max-w-xs"
          maxLength={LIMITS.contactPhone}
        />
      </div>
      <ChoiceField
        {...field("publicSummaryConsent")}
        label="Can the team share a short summary of this publicly? (optional)"
        hint={
          <>
            Teams publish what people told them and what changed as a result (&ldquo;You said, we did&rdquo;). The
            summary is written by the team: it never uses your own words, your name or anything that could identify you.
            If you do not answer, nothing is shared. Your answer does not change how we look at what you tell us.
          </>
        }
        options={[
          { value: "yes", label: "Yes, a summary written by the team can be shared publicly" },
          { value: "no", label: "No, do not share it publicly" },
        ]}
      />
      {signedIn && (
        <ChoiceField
          name="linkToAccount"
          label="Your account"
          multiple
          options={[
            {
              value: "yes",
              label: "Show this concern under My concerns in my account",
              hint: "The team does not see your account. They only see contact details you give above.",
            },
          ]}
          defaultValues={state.values ? (v.linkToAccount ? ["yes"] : []) : ["yes"]}
        />
      )}
      <Button disabled={pending}>{words.send}</Button>
    </form>
  );
}

/** "This postcode is usually covered by X. Is that right?": the postcode table is a guess the person confirms. */
function RoutingQuestion({
  data,
  nameOf,
  chosen,
  pending,
}: {
  data: Record<string, string>;
  nameOf: Map<string, string>;
  chosen?: string;
  pending: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [data]);
  const options = data.options!.split(",").filter(Boolean);
  const suggested = data.suggested!;
  const suggestedName = nameOf.get(suggested) ?? suggested;
  const question =
    data.confirm === "postcode"
      ? `This postcode is usually covered by the ${suggestedName}. Is that right?`
      : `The organisation or area you chose and the postcode point to different collaboratives. Which one should we send your concern to?`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="mb-8 border-4 border-nhs-blue bg-white p-4 focus:outline-4 focus:outline-nhs-focus sm:p-6"
      aria-labelledby="routing-question-title"
      role="region"
    >
      <h2 id="routing-question-title" className="text-2xl">
        Check where to send your concern
      </h2>
      <p>
        Each part of England has its own Patient Safety Collaborative.
        {data.postcodeArea
          ? ` Postcodes starting ${data.postcodeArea} (${data.place}) are covered mostly by one of them, but not always.`
          : ""}
      </p>
      <ChoiceField
        name="collaborative"
        label={question}
        hint="If none of these is right, change the postcode or the part of England further down, then send your concern again."
        options={options.map((slug) => ({
          value: slug,
          label:
            slug === suggested && data.confirm === "postcode"
              ? `Yes, the ${nameOf.get(slug) ?? slug}`
              : `${data.confirm === "postcode" ? "No, the " : "The "}${nameOf.get(slug) ?? slug}`,
        }))}
        defaultValue={chosen && options.includes(chosen) ? chosen : suggested}
      />
      <Button disabled={pending} className="mb-0">
        Confirm and send concern
      </Button>
    </div>
  );
}
