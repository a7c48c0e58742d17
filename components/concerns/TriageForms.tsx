"use client";
// The lead's forms on a concern. Each is a plain <form> (works without JavaScript); the concern's
// version travels with every change so that two leads cannot overwrite each other unseen.
import { useEffect, useRef, type ReactNode } from "react";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import {
  addNoteAction,
  assignAction,
  changeStatusAction,
  discardHeldAction,
  releaseHeldAction,
  linkAction,
  respondAction,
  revealContactAction,
  settingsAction,
  shareableAction,
  transferAction,
} from "@/lib/concerns/actions";
import type { FormState } from "@/lib/forms";
import { LIMITS } from "@/lib/concerns/schemas";
import { STATUS_LABELS } from "@/lib/concerns/triage";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextArea, TextField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { SummaryList } from "@/components/ui/Panels";
import { useFormAction } from "@/components/ui/use-form-action";
import { TeamResponse } from "./ReporterProgress";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
type FieldProps = ReturnType<typeof useFormAction>["field"];

/**
 * One small form: its errors at the top. Its result, once it worked, is the banner at the top of the
 * page the action redirects to (?done=…#done), focused: never out of sight below the forms.
 */
function TriageForm({
  action,
  concernId,
  version,
  submit,
  children,
}: {
  action: Action;
  concernId: string;
  version?: number;
  submit: string;
  children: (state: FormState, field: FieldProps) => ReactNode;
}) {
  const { state, formAction, pending, field } = useFormAction(action);
  return (
    <form action={formAction} noValidate className="mb-6">
      <ErrorSummary errors={state.fieldErrors} message={state.ok ? undefined : state.message} />
      <input type="hidden" name="concernId" value={concernId} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {children(state, field)}
      <Button variant="secondary" disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}

export function StatusForm({
  concernId,
  version,
  nextStatuses,
}: {
  concernId: string;
  version: number;
  nextStatuses: ConcernStatus[];
}) {
  return (
    <TriageForm action={changeStatusAction} concernId={concernId} version={version} submit="Change status">
      {(state) => (
        <>
          <SelectField
            name="status"
            label="New status"
            placeholder="Choose a status"
            options={nextStatuses.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            defaultValue={state.ok ? "" : state.values?.status}
            error={state.fieldErrors?.status}
          />
          <TextArea
            name="reason"
            label="Why? (needed when reopening)"
            hint="Kept in the concern's history. The reporter does not see it."
            rows={3}
            maxLength={LIMITS.reason}
            defaultValue={state.ok ? "" : state.values?.reason}
            error={state.fieldErrors?.reason}
          />
          <TextArea
            name="outcome"
            label="Outcome (needed when closing)"
            hint="The reporter sees the outcome on their tracking page: write it for them."
            rows={3}
            maxLength={LIMITS.reason}
            defaultValue={state.ok ? "" : state.values?.outcome}
            error={state.fieldErrors?.outcome}
          />
        </>
      )}
    </TriageForm>
  );
}

export function AssignForm({
  concernId,
  version,
  assignees,
  assignedToId,
}: {
  concernId: string;
  version: number;
  assignees: Option[];
  assignedToId: string | null;
}) {
  return (
    <TriageForm action={assignAction} concernId={concernId} version={version} submit="Save assignment">
      {(state) => (
        <SelectField
          name="assigneeId"
          label="Assigned to"
          hint="Leads of this collaborative"
          placeholder="Nobody"
          options={assignees}
          defaultValue={state.ok ? (assignedToId ?? "") : (state.values?.assigneeId ?? assignedToId ?? "")}
          error={state.fieldErrors?.assigneeId}
        />
      )}
    </TriageForm>
  );
}

export function LinkForm({
  concernId,
  version,
  targets,
}: {
  concernId: string;
  version: number;
  targets: { group: string; options: Option[] }[];
}) {
  const options = targets.flatMap((t) =>
    t.options.map((o) => ({
      value: o.value,
      label: `${t.group === "Local priorities" ? "Priority" : "Project"}: ${o.label}`,
    })),
  );
  if (options.length === 0)
    return <p>This collaborative has no active local priorities or open projects to link to yet.</p>;
  return (
    <TriageForm action={linkAction} concernId={concernId} version={version} submit="Link concern">
      {(state) => (
        <>
          <SelectField
            name="target"
            label="Local priority or improvement project"
            placeholder="Choose one"
            options={options}
            defaultValue={state.ok ? "" : state.values?.target}
            error={state.fieldErrors?.target}
          />
          <TextArea
            name="linkReason"
            label="Why? (optional)"
            rows={2}
            maxLength={LIMITS.reason}
            defaultValue={state.ok ? "" : state.values?.linkReason}
            error={state.fieldErrors?.linkReason}
          />
        </>
      )}
    </TriageForm>
  );
}

export function ShareableForm({
  concernId,
  version,
  shareable,
}: {
  concernId: string;
  version: number;
  shareable: boolean;
}) {
  return (
    <TriageForm action={shareableAction} concernId={concernId} version={version} submit="Save">
      {(state) => (
        <ChoiceField
          name="shareable"
          label="Can the national team see what the reporter wrote?"
          hint="Only say yes when the text contains nothing that could identify anyone. Contact details are never shared."
          options={[
            { value: "yes", label: "Yes, the text can be shared" },
            { value: "no", label: "No, keep the text within this collaborative" },
          ]}
          defaultValue={state.ok || !state.values?.shareable ? (shareable ? "yes" : "no") : state.values.shareable}
          error={state.fieldErrors?.shareable}
        />
      )}
    </TriageForm>
  );
}

/**
 * The public response. "Preview response" shows exactly what the reporter will see (nothing is saved),
 * then "Publish response" or "Change" (back to the text as typed). Works without JavaScript: each is a
 * submit button whose intent the action reads.
 */
export function ResponseForm({ concernId }: { concernId: string }) {
  const { state, formAction, pending, values } = useFormAction(respondAction);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const preview = !state.ok && state.data?.preview ? state.data : null;
  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);
  return (
    <form action={formAction} noValidate className="mb-6">
      <ErrorSummary errors={state.fieldErrors} message={state.ok ? undefined : state.message} />
      <input type="hidden" name="concernId" value={concernId} />
      {preview ? (
        <section aria-labelledby="response-preview-heading" className="mb-6">
          <h3
            id="response-preview-heading"
            ref={previewRef}
            tabIndex={-1}
            className="focus:outline-4 focus:outline-nhs-focus"
          >
            Preview: what the reporter will see
          </h3>
          <p>Nothing has been sent yet. On their tracking page (and by email, if they agreed), the response reads:</p>
          <TeamResponse body={preview.preview!} createdAt={new Date(preview.previewAt!)} />
          <input type="hidden" name="response" value={preview.preview} />
          <div className="mt-6 flex flex-wrap gap-4">
            <Button name="intent" value="publish" disabled={pending}>
              Publish response
            </Button>
            <Button name="intent" value="change" variant="secondary" disabled={pending}>
              Change
            </Button>
          </div>
        </section>
      ) : (
        <>
          <TextArea
            name="response"
            label="Public response to the reporter"
            hint="The reporter sees this on their tracking page, and by email if they gave an address and agreed. Plain words; say what will change. Preview it to see it as they will."
            rows={6}
            maxLength={LIMITS.response}
            defaultValue={state.ok ? "" : values.response}
            error={state.fieldErrors?.response}
          />
          <div className="flex flex-wrap gap-4">
            <Button name="intent" value="preview" variant="secondary" disabled={pending}>
              Preview response
            </Button>
            <Button name="intent" value="publish" variant="secondary" disabled={pending}>
              Publish response
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

export function NoteForm({ concernId }: { concernId: string }) {
  return (
    <TriageForm action={addNoteAction} concernId={concernId} submit="Add note">
      {(state) => (
        <TextArea
          name="note"
          label="Internal note"
          hint="Only the team sees notes. They are never shown to the reporter."
          rows={4}
          maxLength={LIMITS.note}
          defaultValue={state.ok ? "" : state.values?.note}
          error={state.fieldErrors?.note}
        />
      )}
    </TriageForm>
  );
}

export function TransferForm({
  concernId,
  version,
  collaboratives,
}: {
  concernId: string;
  version: number;
  collaboratives: Option[];
}) {
  return (
    <TriageForm action={transferAction} concernId={concernId} version={version} submit="Pass on this concern">
      {(_, field) => (
        <>
          <SelectField
            {...field("collaborative")}
            label="Collaborative to pass it to"
            placeholder="Choose a collaborative"
            options={collaboratives}
          />
          <TextArea
            {...field("transferReason")}
            label="Why does it belong there?"
            hint="Kept in the concern's history."
            rows={2}
            maxLength={LIMITS.reason}
          />
        </>
      )}
    </TriageForm>
  );
}

/** Contact details are fetched only when a lead asks, and each reveal is written to the audit log. */
export function RevealContactForm({ concernId }: { concernId: string }) {
  const { state, formAction, pending } = useFormAction(revealContactAction);
  if (state.ok && state.data) {
    return (
      <>
        <SummaryList
          rows={[
            { label: "Name", value: state.data.name || "Not given" },
            { label: "Email address", value: state.data.email || "Not given" },
            { label: "Phone number", value: state.data.phone || "Not given" },
          ]}
        />
        <p>Your viewing of these details has been recorded in the audit log.</p>
      </>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.message} />
      <input type="hidden" name="concernId" value={concernId} />
      <Button variant="secondary" disabled={pending}>
        Show contact details
      </Button>
    </form>
  );
}

export function SettingsForm({
  collaborativeId,
  acknowledgementDays,
  contactRetentionMonths,
}: {
  collaborativeId: string;
  acknowledgementDays: number;
  contactRetentionMonths: number;
}) {
  const { state, formAction, pending } = useFormAction(settingsAction);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.ok ? undefined : state.message} />
      <input type="hidden" name="collaborativeId" value={collaborativeId} />
      <TextField
        name="acknowledgementDays"
        label="Acknowledge new concerns within (working days)"
        inputMode="numeric"
        width="w-20"
        defaultValue={
          state.ok ? String(acknowledgementDays) : (state.values?.acknowledgementDays ?? String(acknowledgementDays))
        }
        error={state.fieldErrors?.acknowledgementDays}
      />
      <TextField
        name="contactRetentionMonths"
        label="Erase reporters' contact details this many months after closing"
        hint="12 at most, as the privacy notice promises."
        inputMode="numeric"
        width="w-20"
        defaultValue={
          state.ok
            ? String(contactRetentionMonths)
            : (state.values?.contactRetentionMonths ?? String(contactRetentionMonths))
        }
        error={state.fieldErrors?.contactRetentionMonths}
      />
      <Button variant="secondary" disabled={pending}>
        Save settings
      </Button>
    </form>
  );
}

type HeldRow = {
  id: string;
  reference: string;
  sent: string;
  erased: string;
  areaName: string | null;
  whatHappened: string;
  impact: string;
};

/**
 * Concerns held as possibly automated. One state per decision for the whole list, for a refusal; a
 * decision made redirects to the queue's result banner at the top of the page.
 */
export function HeldConcernList({ rows }: { rows: HeldRow[] }) {
  const { state: released, formAction: releaseAction, pending: releasing } = useFormAction(releaseHeldAction);
  const { state: discarded, formAction: discardAction, pending: discarding } = useFormAction(discardHeldAction);
  const pending = releasing || discarding;
  return (
    <>
      <ErrorSummary message={released.ok ? undefined : released.message} />
      <ErrorSummary message={discarded.ok ? undefined : discarded.message} />
      {rows.length === 0 && <p>None is waiting.</p>}
      <ul className="mb-6 list-none p-0">
        {rows.map((c) => (
          <li key={c.id} className="mb-4 bg-white p-4">
            <h3 className="mb-2 text-lg">{c.reference}</h3>
            <p className="text-nhs-secondary-text">
              Sent {c.sent}. {c.areaName ?? "Something else"}. Erased on {c.erased} unless you decide before then.
            </p>
            <p className="whitespace-pre-line">{c.whatHappened}</p>
            {c.impact && <p className="whitespace-pre-line">{c.impact}</p>}
            <div className="flex flex-wrap gap-4">
              <form action={releaseAction} noValidate>
                <input type="hidden" name="concernId" value={c.id} />
                <Button
                  variant="secondary"
                  disabled={pending}
                  className="mb-0"
                  aria-label={`Release into triage: ${c.reference}`}
                >
                  Release into triage
                </Button>
              </form>
              <form action={discardAction} noValidate>
                <input type="hidden" name="concernId" value={c.id} />
                <Button variant="warning" disabled={pending} className="mb-0" aria-label={`Discard: ${c.reference}`}>
                  Discard
                </Button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
