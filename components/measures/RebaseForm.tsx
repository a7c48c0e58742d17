"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Recalculate the limits from a chosen point, e.g. the first period after a change was adopted.
 * `rebasedFrom`: the periods the limits are recalculated from now (yyyy-mm-dd). The success message
 * is shown only while the recalculation it announced is still there: undoing it (a separate form,
 * after which this one keeps its state) must not leave "The limits have been recalculated" on screen.
 */
export function RebaseForm({
  action,
  projectId,
  measureId,
  options,
  rebasedFrom,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  measureId: string;
  options: Option[];
  rebasedFrom: string[];
}) {
  const { state, formAction, pending, problem, success } = useFormAction(action);
  const announced = state.data?.rebasedFrom;
  const current = success && announced !== undefined && rebasedFrom.includes(announced) ? success : undefined;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      {current && (
        <p role="status" className="border-l-4 border-nhs-green pl-3 font-bold">
          {current}
        </p>
      )}
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="measureId" value={measureId} />
      <SelectField
        name="from"
        label="Recalculate the limits from"
        hint="Choose the first period after a sustained change, such as a change you adopted. Points before and after then get their own mean and limits."
        options={options}
        placeholder="Choose a period"
        error={state.fieldErrors?.from}
      />
      <Button variant="secondary" disabled={pending}>
        Recalculate the limits
      </Button>
    </form>
  );
}
