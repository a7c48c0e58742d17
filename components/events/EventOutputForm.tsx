"use client";
import { createEventOutputAction } from "@/lib/events/actions";
import { learningTypeHint, learningTypeLabel } from "@/lib/learning/labels";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

export function EventOutputForm({
  eventId,
  collaborativeSlug,
  defaultTitle,
}: {
  eventId: string;
  collaborativeSlug: string;
  defaultTitle: string;
}) {
  const {
    state,
    formAction: action,
    pending,
    values,
    errors,
    field,
  } = useFormAction(createEventOutputAction, { initial: { title: defaultTitle } });
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <ChoiceField
        {...field("type")}
        label="What kind of learning is it?"
        options={(["CASE_STUDY", "RESOURCE"] as const).map((t) => ({
          value: t,
          label: learningTypeLabel[t],
          hint: learningTypeHint[t],
        }))}
      />
      <TextField name="title" label="Title" maxLength={200} defaultValue={values.title} error={errors.title} />
      <TextArea
        {...field("summary")}
        label="Summary"
        hint="One or two sentences: what people will learn from it."
        rows={3}
        maxLength={500}
      />
      <TextArea
        {...field("body")}
        label="Notes and outputs"
        hint="What was presented, discussed and agreed. You can use Markdown for headings and lists. Leave out anything that could identify a patient."
        rows={12}
      />
      <TextField
        {...field("resourceUrl")}
        label="Link to slides or materials (optional)"
        hint="Starting with https://"
        type="url"
        spellCheck={false}
      />
      <Button disabled={pending}>Save as a draft learning item</Button>
    </form>
  );
}
