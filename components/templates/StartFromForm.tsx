"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  source: "learning" | "project";
  sourceId: string;
  /** The person's collaboratives they may start it in (a choice when there are several). */
  collaboratives: { id: string; name: string }[];
};

/** "Start a project from this": one button, or a choice of collaborative and a button. Works without JavaScript. */
export function StartFromForm({ action, source, sourceId, collaboratives }: Props) {
  const { formAction, pending, errors, problem, field } = useFormAction(action);
  const only = collaboratives.length === 1 ? collaboratives[0] : null;
  return (
    <form action={formAction} noValidate className="mb-6 bg-white p-4">
      <ErrorSummary errors={errors} message={problem} />
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <h2 className="text-xl">Start a project from this</h2>
      <p className="max-w-3xl">
        A draft project {only ? `in ${only.name}` : "in your collaborative"}, filled in with its aim, measure
        definitions (without their data), driver diagram and change ideas. Change anything to suit your setting.
      </p>
      {only ? (
        <input type="hidden" name="collaborativeId" value={only.id} />
      ) : (
        <ChoiceField
          {...field("collaborativeId")}
          label="Which collaborative is the project part of?"
          options={collaboratives.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <Button disabled={pending} className="mb-0">
        Start a project from this
      </Button>
    </form>
  );
}
