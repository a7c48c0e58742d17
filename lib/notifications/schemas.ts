import { z } from "zod";
import { KINDS, SETTABLE_KINDS, type Delivery, type NotificationKind } from "./kinds";
import { UNSUBSCRIBE_TOKEN_PATTERN } from "./unsubscribe-token-pattern";

/** A form field's name for a kind: "concern.ack-due" → "concernAckDue". */
export function fieldName(kind: NotificationKind): string {
  return kind.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
}

const choice = (kind: NotificationKind) =>
  z
    .enum(KINDS[kind].choices as [Delivery, ...Delivery[]], {
      error: `Select how you want to hear about ${KINDS[kind].label.toLowerCase()}`,
    })
    .optional();

/** One optional radio group per kind a person may set (a page shows only the kinds that concern them). */
export const notificationSettingsSchema = z
  .object(Object.fromEntries(SETTABLE_KINDS.map((kind) => [fieldName(kind), choice(kind)])))
  .transform(
    (fields) =>
      Object.fromEntries(
        SETTABLE_KINDS.flatMap((kind) => {
          const value = fields[fieldName(kind)];
          return value ? [[kind, value]] : [];
        }),
      ) as Partial<Record<NotificationKind, Delivery>>,
  );

export const unsubscribeSchema = z.object({ token: z.string().regex(UNSUBSCRIBE_TOKEN_PATTERN) });
