"use client";
import { createEventAction, updateEventAction } from "@/lib/events/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { DateField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictList } from "@/components/collaboratives/ConflictList";
import { useFormAction } from "@/components/ui/use-form-action";

/** Adds an event, or changes one when `eventId` and `initial` are given. Times are UK time. */
export function EventForm({
  collaborativeId,
  collaborativeSlug,
  eventId,
  version,
  initial = {},
}: {
  collaborativeId: string;
  collaborativeSlug: string;
  eventId?: string;
  version?: number;
  initial?: Record<string, string>;
}) {
  const {
    state,
    formAction: action,
    pending,
    values,
    errors,
    field,
    dateField,
  } = useFormAction(eventId ? updateEventAction : createEventAction, { initial });
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <ConflictList state={state} />
      <input type="hidden" name="collaborativeId" value={collaborativeId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      {eventId && (
        <>
          <input type="hidden" name="eventId" value={eventId} />
          <input type="hidden" name="version" value={values.version ?? version} />
        </>
      )}
      <TextField
        {...field("title")}
        label="Title"
        hint="For example: Learning event: preventing falls in care homes"
        maxLength={150}
      />
      <TextArea {...field("description")} label="What it is about" rows={4} maxLength={4000} />
      <DateField {...dateField("date")} label="Date" hint="For example, 27 3 2027" />
      <div className="flex flex-wrap gap-x-8">
        <TextField
          {...field("startTime")}
          label="Starts at"
          hint="UK time, for example 09:30"
          width="w-28"
          inputMode="text"
        />
        <TextField
          {...field("endTime")}
          label="Finishes at"
          hint="UK time, for example 16:00"
          width="w-28"
          inputMode="text"
        />
      </div>
      <TextField
        {...field("location")}
        label="Place"
        hint="The venue and address. Leave empty if the event is online only."
        maxLength={300}
      />
      <TextField
        {...field("onlineUrl")}
        label="Online link"
        hint="For an online or hybrid event, starting with https://. Only people who have signed up see it."
        type="url"
        spellCheck={false}
        maxLength={500}
      />
      <TextField
        {...field("capacity")}
        label="Number of places"
        hint="Leave empty for no limit."
        width="w-24"
        inputMode="numeric"
      />
      <TextArea
        {...field("agenda")}
        label="Agenda"
        hint="One item per line, for example: 10:00 Welcome and introductions"
        rows={8}
        maxLength={8000}
      />
      <Button disabled={pending}>{eventId ? "Save changes" : "Add event"}</Button>
    </form>
  );
}
