"use client";
import { scheduleRoundAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, DateField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

/** Open a draft or scheduled round now, or on a date (the job opens it at the start of that day, UK time). */
export function ScheduleRoundForm({
  roundId,
  version,
  collaborativeSlug,
  initial,
}: {
  roundId: string;
  version: number;
  collaborativeSlug: string;
  initial: Record<string, string>;
}) {
  const {
    state,
    formAction: action,
    pending,
    errors,
    field,
    dateField,
  } = useFormAction(scheduleRoundAction, {
    initial,
  });
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <ChoiceField
        {...field("start")}
        label="When does the round open?"
        options={[
          { value: "now", label: "Open it now", hint: "Members are asked straight away." },
          {
            value: "date",
            label: "Open it on a date",
            hint: "It opens by itself at the start of that day (UK time). Until then only leads can see it, and you can still edit it.",
          },
        ]}
      />
      <DateField {...dateField("opensAt")} label="Opening date (if you chose a date)" hint="For example, 1 3 2027" />
      <Button disabled={pending}>Continue</Button>
    </form>
  );
}
