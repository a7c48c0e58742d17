"use client";
import { createAdoptionAction, updateAdoptionAction } from "@/lib/adoptions/actions";
import { ADOPTION_STATUSES, adoptionStatusHint, adoptionStatusLabel } from "@/lib/learning/labels";
import type { AdoptionStatus } from "@/lib/generated/prisma/enums";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

type Choice = { id: string; name?: string; title?: string; label?: string; collaborativeId?: string };

/** "We are adopting this": which team, how far along, and (optionally) the measure that will show their own results. */
export function AdoptionForm({
  learningItemId,
  collaboratives,
  organisations,
  projects,
  measures,
}: {
  learningItemId: string;
  collaboratives: { id: string; name: string }[];
  organisations: { id: string; name: string; collaborativeId: string }[];
  projects: { id: string; title: string }[];
  measures: { id: string; label: string }[];
}) {
  const { state, formAction, pending, values, errors } = useFormAction(createAdoptionAction);
  const v = (name: string) => values[name] ?? "";
  const several = collaboratives.length > 1;
  const collaborativeName = new Map(collaboratives.map((c) => [c.id, c.name]));
  const repeated = Object.values(errors).includes(state.message ?? "");
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={repeated ? undefined : state.message} />
      <input type="hidden" name="learningItemId" value={learningItemId} />
      {several ? (
        <SelectField
          name="collaborativeId"
          label="Which collaborative are you adopting it in?"
          error={errors.collaborativeId}
          defaultValue={v("collaborativeId")}
          placeholder="Select a collaborative"
          options={collaboratives.map((c) => ({ value: c.id, label: c.name }))}
        />
      ) : (
        <input type="hidden" name="collaborativeId" value={collaboratives[0]?.id ?? ""} />
      )}
      <SelectField
        name="organisationId"
        label="Which organisation is adopting it?"
        hint="Leave as it is if the whole collaborative is taking it up."
        error={errors.organisationId}
        defaultValue={v("organisationId")}
        placeholder="The collaborative as a whole"
        options={organisations.map((o) => ({
          value: o.id,
          label: several ? `${o.name} (${collaborativeName.get(o.collaborativeId)})` : o.name,
        }))}
      />
      <StatusFields errors={errors} status={v("status")} reason={v("notAdoptedReason")} />
      <ResultFields
        errors={errors}
        projects={projects}
        measures={measures}
        projectId={v("projectId")}
        measureId={v("measureId")}
      />
      <Button disabled={pending}>Record adoption</Button>
    </form>
  );
}

function StatusFields({
  errors,
  status,
  reason,
  statuses = ADOPTION_STATUSES,
}: {
  errors: Record<string, string>;
  status: string;
  reason: string;
  statuses?: readonly AdoptionStatus[];
}) {
  return (
    <>
      <ChoiceField
        name="status"
        label="Where are you with it?"
        error={errors.status}
        defaultValue={status}
        options={statuses.map((s) => ({ value: s, label: adoptionStatusLabel[s], hint: adoptionStatusHint[s] }))}
      />
      <TextArea
        name="notAdoptedReason"
        label="If you decided not to adopt it, why not?"
        hint="Others learn from this too: what did not fit your setting?"
        error={errors.notAdoptedReason}
        defaultValue={reason}
        rows={3}
        maxLength={2000}
      />
    </>
  );
}

function ResultFields({
  errors,
  projects,
  measures,
  projectId,
  measureId,
}: {
  errors: Record<string, string>;
  projects: Choice[];
  measures: Choice[];
  projectId: string;
  measureId: string;
}) {
  if (projects.length === 0) return null;
  return (
    <>
      <SelectField
        name="projectId"
        label="Your project for this work (optional)"
        error={errors.projectId}
        defaultValue={projectId}
        placeholder="No project yet"
        options={projects.map((p) => ({ value: p.id, label: p.title ?? "" }))}
      />
      <SelectField
        name="measureId"
        label="Your own results: which measure? (optional)"
        hint="The spread view counts how many adopters show special-cause improvement on their own measures."
        error={errors.measureId}
        defaultValue={measureId}
        placeholder="No measure yet"
        options={measures.map((m) => ({ value: m.id, label: m.label ?? "" }))}
      />
    </>
  );
}

/** Moving an adoption on (testing → adopted → sustained, or not adopted), and linking its results later. */
export function AdoptionUpdateForm({
  adoption,
  statuses,
  projects,
  measures,
}: {
  adoption: {
    id: string;
    version: number;
    status: AdoptionStatus;
    notAdoptedReason: string;
    projectId: string | null;
    measureId: string | null;
  };
  statuses: AdoptionStatus[];
  projects: { id: string; title: string }[];
  measures: { id: string; label: string }[];
}) {
  const { state, formAction, pending, values, errors } = useFormAction(updateAdoptionAction);
  const v = (name: string, fallback: string | null) => values[name] ?? fallback ?? "";
  const repeated = Object.values(errors).includes(state.message ?? "");
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={repeated ? undefined : state.message} />
      <input type="hidden" name="id" value={adoption.id} />
      <input type="hidden" name="version" value={adoption.version} />
      <StatusFields
        errors={errors}
        status={v("status", adoption.status)}
        reason={v("notAdoptedReason", adoption.notAdoptedReason)}
        statuses={statuses}
      />
      <TextArea
        name="note"
        label="Anything to add about this change? (optional)"
        error={errors.note}
        defaultValue={v("note", "")}
        rows={2}
        maxLength={1000}
      />
      <ResultFields
        errors={errors}
        projects={projects}
        measures={measures}
        projectId={v("projectId", adoption.projectId)}
        measureId={v("measureId", adoption.measureId)}
      />
      <Button disabled={pending}>Save</Button>
    </form>
  );
}
