import { z } from "zod";
import { idField, optionalText, requiredText, versionField } from "@/lib/schema-fields";
import { readDateInput } from "./date-input";
import { fromLondonWallTime, parseTimeOfDay } from "./schedule";

const eventFields = z.object({
  collaborativeId: idField,
  title: requiredText(150, "The title", "Enter the event's title"),
  description: optionalText(4000, "The description"),
  agenda: optionalText(8000, "The agenda"),
  "date-day": z.string().optional(),
  "date-month": z.string().optional(),
  "date-year": z.string().optional(),
  startTime: z.string().trim().min(1, "Enter the start time, for example 09:30"),
  endTime: z.string().trim().min(1, "Enter the finish time, for example 16:00"),
  location: optionalText(300, "The place"),
  onlineUrl: z
    .string()
    .trim()
    .max(500, "The link must be 500 characters or fewer")
    .optional()
    .default("")
    .refine(
      (v) => v === "" || /^https:\/\/[^\s]+\.[^\s]+$/.test(v),
      "Enter the online link as a full web address starting with https://",
    ),
  capacity: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine(
      (v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10000),
      "Enter the number of places as a whole number from 1 to 10,000, or leave it empty for no limit",
    )
    .transform((v) => (v === "" ? null : Number(v))),
});

/** Date and times typed in UK time become instants; the event needs a place, an online link, or both. */
function withSchedule<T extends z.infer<typeof eventFields>>(value: T, ctx: z.RefinementCtx) {
  const date = readDateInput(value, "date", "The date");
  const start = parseTimeOfDay(value.startTime);
  const end = parseTimeOfDay(value.endTime);
  if (!date.ok) ctx.addIssue({ code: "custom", message: date.message, path: ["date"] });
  else if (!date.date) ctx.addIssue({ code: "custom", message: "Enter the date of the event", path: ["date"] });
  if (!start)
    ctx.addIssue({
      code: "custom",
      message: "Enter the start time as hours and minutes, for example 09:30",
      path: ["startTime"],
    });
  if (!end)
    ctx.addIssue({
      code: "custom",
      message: "Enter the finish time as hours and minutes, for example 16:00",
      path: ["endTime"],
    });
  if (!value.location && !value.onlineUrl)
    ctx.addIssue({ code: "custom", message: "Enter where the event is, an online link, or both", path: ["location"] });
  if (!date.ok || !date.date || !start || !end) return z.NEVER;
  const { year, month, day } = date.date;
  const startsAt = fromLondonWallTime(year, month, day, start.hour, start.minute);
  const endsAt = fromLondonWallTime(year, month, day, end.hour, end.minute);
  if (endsAt <= startsAt) {
    ctx.addIssue({ code: "custom", message: "The finish time must be after the start time", path: ["endTime"] });
    return z.NEVER;
  }
  return {
    collaborativeId: value.collaborativeId,
    title: value.title,
    description: value.description,
    agenda: value.agenda,
    location: value.location || null,
    onlineUrl: value.onlineUrl || null,
    capacity: value.capacity,
    startsAt,
    endsAt,
  };
}

export const createEventSchema = eventFields.transform(withSchedule);

export const updateEventSchema = eventFields
  .extend({ eventId: idField, version: versionField })
  .transform((value, ctx) => {
    const schedule = withSchedule(value, ctx);
    return { ...schedule, eventId: value.eventId, version: value.version };
  });

export const cancelEventSchema = z.object({ eventId: idField, version: versionField });

export const registrationSchema = z.object({ eventId: idField });

export const eventOutputSchema = z.object({
  eventId: idField,
  type: z.enum(["CASE_STUDY", "RESOURCE"], { error: "Choose whether this is a case study or a resource" }),
  title: requiredText(200, "The title", "Enter a title for the learning item"),
  summary: requiredText(500, "The summary", "Enter a short summary of what was learned"),
  body: requiredText(50000, "The notes", "Enter the notes or outputs from the event"),
  resourceUrl: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine(
      (v) => v === "" || /^https:\/\/[^\s]+\.[^\s]+$/.test(v),
      "Enter the link as a full web address starting with https://",
    )
    .transform((v) => v || null),
});

export type CreateEventInput = z.infer<typeof createEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
export type CancelEventInput = z.infer<typeof cancelEventSchema>;
export type EventOutputInput = z.infer<typeof eventOutputSchema>;
