"use client";
// The leads' "You said, we did" forms. Plain <form>s (they work without JavaScript); the item's version
// travels with every step so that two people cannot act on it unseen.
import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms";
import {
  approveYouSaidAction,
  createYouSaidAction,
  sendBackYouSaidAction,
  submitYouSaidAction,
  updateYouSaidAction,
  withdrawYouSaidAction,
} from "@/lib/you-said-we-did/actions";
import { LIMITS } from "@/lib/you-said-we-did/schemas";
import { QUOTE_WORDS } from "@/lib/you-said-we-did/quotes";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export type ItemFormOptions = {
  concerns: { id: string; reference: string; kind: "CONCERN" | "EXCELLENCE"; received: string; area: string }[];
  priorities: { id: string; name: string }[];
  projects: { id: string; title: string; visibility: string; measures: { id: string; name: string }[] }[];
};

const VISIBILITY_NOTE: Record<string, string> = {
  DRAFT: " (draft: not shown publicly)",
  PORTAL: " (portal only: not shown publicly)",
  PUBLIC: "",
};

/** Writing a new item, or changing a draft: `item` holds what it says now. */
export function YouSaidItemForm({
  collaborativeId,
  collaborativeSlug,
  options,
  item,
}: {
  collaborativeId: string;
  collaborativeSlug: string;
  options: ItemFormOptions;
  item?: {
    id: string;
    version: number;
    youSaid: string;
    weDid: string;
    concernIds: string[];
    priorityId: string | null;
    projectId: string | null;
    measureId: string | null;
  };
}) {
  const initial: Record<string, string> = item
    ? {
        youSaid: item.youSaid,
        weDid: item.weDid,
        concernIds: item.concernIds.join(","),
        priorityId: item.priorityId ?? "",
        projectId: item.projectId ?? "",
        measureId: item.measureId ?? "",
      }
    : {};
  const { state, formAction, pending, values, errors, field } = useFormAction(
    item ? updateYouSaidAction : createYouSaidAction,
    { initial },
  );
  const words = ` Write it in your own words: never the reporter's words (a run of ${QUOTE_WORDS} or more words from a linked concern is refused), names, or anything that could identify someone.`;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={state.ok ? undefined : state.message} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      {item ? (
        <>
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
        </>
      ) : (
        <input type="hidden" name="collaborativeId" value={collaborativeId} />
      )}
      <TextArea
        {...field("youSaid")}
        label="You said: what people raised"
        hint={`A short summary, for example "Several people told us that call bells on one ward went unanswered at night."${words} Up to ${LIMITS.youSaid} characters.`}
        rows={4}
        maxLength={LIMITS.youSaid}
      />
      <TextArea
        {...field("weDid")}
        label="We did: what changed"
        hint={`What the team and services changed as a result. Up to ${LIMITS.weDid} characters.`}
        rows={5}
        maxLength={LIMITS.weDid}
      />
      {options.concerns.length === 0 ? (
        <div className="mb-6">
          <p className="font-bold">The concerns this is about</p>
          <p>
            No concern has a reporter who agreed to a public summary yet. An item can only be written about concerns
            whose reporters said yes on the form.
          </p>
        </div>
      ) : (
        <ChoiceField
          name="concernIds"
          label="The concerns this is about"
          hint="Only concerns whose reporter agreed to a summary written by the team being shared publicly are listed. References are never shown publicly."
          multiple
          options={options.concerns.map((c) => ({
            value: c.id,
            label: `${c.reference}${c.kind === "EXCELLENCE" ? " (what went well)" : ""}`,
            hint: `${c.area}, received ${c.received}`,
          }))}
          defaultValue={values.concernIds}
          error={errors.concernIds}
        />
      )}
      <SelectField
        {...field("priorityId")}
        label="Local priority (optional)"
        hint="The item is also shown on the priority's public page."
        placeholder="None"
        options={options.priorities.map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField
        {...field("projectId")}
        label="Project (optional)"
        hint="Shown publicly, with the chart chosen below, only while the project itself is public."
        placeholder="None"
        options={options.projects.map((p) => ({ value: p.id, label: `${p.title}${VISIBILITY_NOTE[p.visibility]}` }))}
      />
      <SelectField
        {...field("measureId")}
        label="Measure whose chart to show (optional)"
        hint="One of the chosen project's measures."
        placeholder="None"
        options={options.projects.flatMap((p) =>
          p.measures.map((m) => ({ value: m.id, label: `${p.title}: ${m.name}` })),
        )}
      />
      <Button disabled={pending}>{item ? "Save changes" : "Save draft"}</Button>
    </form>
  );
}

/** One step on an item (send for approval, approve, send back, withdraw). */
function StepForm({
  action,
  itemId,
  version,
  collaborativeSlug,
  submit,
  secondary,
  children,
}: {
  action: Action;
  itemId: string;
  version: number;
  collaborativeSlug: string;
  submit: string;
  secondary?: boolean;
  children?: (field: ReturnType<typeof useFormAction>["field"]) => ReactNode;
}) {
  const { state, formAction, pending, field, errors } = useFormAction(action);
  return (
    <form action={formAction} noValidate className="mb-6">
      <ErrorSummary errors={errors} message={state.ok ? undefined : state.message} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      {children?.(field)}
      <Button variant={secondary ? "secondary" : undefined} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}

type StepProps = { itemId: string; version: number; collaborativeSlug: string };

export function SubmitForApprovalForm(props: StepProps) {
  return <StepForm {...props} action={submitYouSaidAction} submit="Send for approval" />;
}

export function ApproveForm(props: StepProps) {
  return <StepForm {...props} action={approveYouSaidAction} submit="Approve and publish" />;
}

export function SendBackForm(props: StepProps) {
  return (
    <StepForm {...props} action={sendBackYouSaidAction} submit="Send back" secondary>
      {(field) => (
        <TextArea
          {...field("sendBackReason")}
          label="Or send it back: what needs to change?"
          hint="The author sees this reason."
          rows={3}
          maxLength={LIMITS.reason}
        />
      )}
    </StepForm>
  );
}

export function WithdrawForm(props: StepProps) {
  return (
    <StepForm {...props} action={withdrawYouSaidAction} submit="Withdraw from the public pages" secondary>
      {(field) => (
        <TextArea
          {...field("withdrawReason")}
          label="Why is it being withdrawn?"
          hint="Kept with the item for the record; not shown publicly."
          rows={3}
          maxLength={LIMITS.reason}
        />
      )}
    </StepForm>
  );
}
