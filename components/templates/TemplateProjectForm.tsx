"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { DateField, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  templateKey: string;
  collaborativeId: string;
};

/** A project from a template: the template brings everything else, so only the title and start are asked. */
export function TemplateProjectForm({ action, templateKey, collaborativeId }: Props) {
  const { formAction, pending, errors, problem, field, dateField } = useFormAction(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      <input type="hidden" name="templateKey" value={templateKey} />
      <input type="hidden" name="collaborativeId" value={collaborativeId} />
      <TextField
        {...field("title")}
        label="Project title"
        hint="A short name people will recognise, like “Fewer falls on Beech Ward”"
        maxLength={200}
      />
      <DateField
        {...dateField("startDate")}
        label="When did (or will) the change work start?"
        hint="Data for the weeks or months before this date are your baseline. For example, 1 4 2027"
      />
      <Button disabled={pending}>Create project</Button>
    </form>
  );
}
