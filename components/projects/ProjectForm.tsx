"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, DateField, TextArea, TextField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictChanges } from "./ConflictChanges";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

export type ProjectFormValues = Record<string, string>;

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  mode: "create" | "edit";
  options: { organisations: Option[]; priorities: Option[]; stages: Option[]; visibilities: Option[] };
  /** Field values as strings (ids comma-separated, dates split into -day/-month/-year). */
  initial: ProjectFormValues;
  hidden: Record<string, string>;
};

/** The Model for Improvement fields of a project; the same form creates and edits one. */
export function ProjectForm({ action, mode, options, initial, hidden }: Props) {
  const { formAction, pending, values, errors, conflict, problem, field, dateField } = useFormAction(action, {
    initial,
  });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      <ConflictChanges changes={conflict} />
      {Object.entries({ ...hidden, ...(values.version ? { version: values.version } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        {...field("title")}
        label="Project title"
        hint="A short name people will recognise, like “Fewer falls on Beech Ward”"
        maxLength={200}
      />
      <TextArea
        {...field("problem")}
        label="The problem, in plain words"
        hint="What goes wrong for patients, how often, and how you know. Avoid abbreviations."
        rows={5}
      />
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">The aim</legend>
        <p className="text-nhs-secondary-text">
          What are you trying to accomplish, how much, by when? You can add this later if you are still at the idea
          stage.
        </p>
        <TextArea {...field("aimWhat")} label="What you are trying to accomplish" rows={3} />
        <TextField
          {...field("aimHowMuch")}
          label="How much"
          hint="For example, “reduce by 30%” or “95% of patients”"
          maxLength={500}
        />
        <DateField {...dateField("aimByWhen")} label="By when (optional)" hint="For example, 31 3 2027" />
      </fieldset>
      <DateField
        {...dateField("startDate")}
        label="When did (or will) the change work start?"
        hint="The date you start testing changes; an estimate is fine, and you can change it later. Baseline data from before it is welcome: the chart marks the values before this date as the baseline. For example, 1 4 2026"
      />
      <ChoiceField
        {...field("organisationIds")}
        label="Organisations taking part"
        hint="Select all that apply."
        options={options.organisations}
        multiple
      />
      <ChoiceField
        {...field("priorityAreaIds")}
        label="Priority areas"
        hint="National priorities and your collaborative’s own. Select all that apply."
        options={options.priorities}
        multiple
      />
      <ChoiceField
        {...field("pathwayStageIds")}
        label="Where on the patient’s pathway the project acts"
        hint="Select all that apply."
        options={options.stages}
        multiple
      />
      <ChoiceField {...field("visibility")} label="Who can see the project" options={options.visibilities} />
      {mode === "edit" && (
        <TextArea
          {...field("learningSummary")}
          label="What we learned"
          hint="What worked, what did not, and what you would tell another team starting out."
          rows={6}
        />
      )}
      <Button disabled={pending}>
        {mode === "create" ? "Create project" : conflict ? "Save my version" : "Save changes"}
      </Button>
    </form>
  );
}
