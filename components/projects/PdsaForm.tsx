"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, DateField, SelectField, TextArea, TextField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictChanges } from "./ConflictChanges";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  changeIdeas: Option[];
  initial: Record<string, string>;
  hidden: Record<string, string>;
  submitLabel: string;
};

const DECISIONS: Option[] = [
  {
    value: "ADOPT",
    label: "Adopt",
    hint: "It worked: make it part of everyday practice, or test it at a larger scale",
  },
  { value: "ADAPT", label: "Adapt", hint: "Promising: change it and test again in another cycle" },
  { value: "ABANDON", label: "Abandon", hint: "It did not work: record why, so others learn from it" },
  { value: "", label: "Not decided yet" },
];

/** Plan (with a prediction), Do, Study, Act: a PDSA cycle testing one change idea. */
export function PdsaForm({ action, changeIdeas, initial, hidden, submitLabel }: Props) {
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
        label="Cycle title"
        hint="For example “Falls huddle at handover, Beech Ward, one week”"
        maxLength={200}
      />
      {changeIdeas.length > 0 && (
        <SelectField
          {...field("changeIdeaId")}
          label="The change idea this cycle tests"
          options={changeIdeas}
          placeholder="Choose a change idea"
        />
      )}
      <TextField
        name="newChangeIdea"
        label={changeIdeas.length > 0 ? "Or a new change idea" : "The change idea this cycle tests"}
        hint="It is added to the project’s change ideas; link it to a driver on the driver diagram page."
        defaultValue={values.newChangeIdea}
        error={changeIdeas.length > 0 ? errors.newChangeIdea : (errors.newChangeIdea ?? errors.changeIdeaId)}
        maxLength={300}
      />
      <h2 className="text-2xl">Plan</h2>
      <TextArea {...field("plan")} label="What will you test, who, where and when?" rows={4} />
      <TextArea
        {...field("prediction")}
        label="What do you predict will happen?"
        hint="Write it down before you start: the study compares what happened with it."
        rows={3}
      />
      <DateField {...dateField("startDate")} label="Start date" hint="For example, 4 3 2025" />
      <h2 className="text-2xl">Do</h2>
      <TextArea
        {...field("doNotes")}
        label="What happened when you carried out the test?"
        hint="Including problems and things you did not expect."
        rows={4}
      />
      <DateField {...dateField("endDate")} label="End date (optional)" />
      <h2 className="text-2xl">Study</h2>
      <TextArea
        {...field("study")}
        label="What did you learn? How did it compare with your prediction?"
        hint="Look at the measures’ charts for the period of the test."
        rows={4}
      />
      <h2 className="text-2xl">Act</h2>
      <ChoiceField
        name="act"
        label="What will you do next?"
        options={DECISIONS}
        defaultValue={values.act ?? ""}
        error={errors.act}
      />
      <TextArea {...field("actNotes")} label="Notes on the decision (optional)" rows={3} />
      <Button disabled={pending}>{conflict ? "Save my version" : submitLabel}</Button>
    </form>
  );
}
