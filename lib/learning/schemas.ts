import { z } from "zod";
import { idField, optionalId, requiredText, text, versionField } from "@/lib/schema-fields";
import { LEARNING_TYPES } from "./labels";

// Field names are the forms' input names. Messages follow the NHS error message style.

/** "falls, huddles ,  Baywatch" → ["falls", "huddles", "baywatch"]: lower case, no duplicates. */
const tagsField = z
  .string()
  .max(600, "Tags must be 600 characters or fewer")
  .optional()
  .transform((raw, ctx) => {
    const tags = [
      ...new Set(
        (raw ?? "")
          .split(",")
          .map((t) => t.trim().toLowerCase().replace(/\s+/g, " "))
          .filter(Boolean),
      ),
    ];
    if (tags.length > 12) ctx.addIssue({ code: "custom", message: "Enter 12 tags or fewer" });
    if (tags.some((t) => t.length > 40))
      ctx.addIssue({ code: "custom", message: "Each tag must be 40 characters or fewer" });
    return tags;
  });

const resourceUrlField = z
  .string()
  .trim()
  .max(2000, "The link must be 2,000 characters or fewer")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v)) {
      ctx.addIssue({
        code: "custom",
        message: "Enter a link that starts with https:// or http://, like https://www.england.nhs.uk/",
      });
      return z.NEVER;
    }
    return v;
  });

const itemFields = {
  title: requiredText(200, "Title", "Enter a title of at least 3 characters", { min: 3 }),
  summary: requiredText(600, "The summary", "Enter a short summary (one or two sentences)"),
  body: text(50_000, "The full write-up"),
  resourceUrl: resourceUrlField,
  tags: tagsField,
  priorityAreaIds: z.array(idField).min(1, "Select at least one priority area").max(20),
  pathwayStageIds: z.array(idField).max(20),
  projectId: optionalId,
  measureId: optionalId,
};

const resourceNeedsLink = (v: { type: string; resourceUrl: string | null }) =>
  v.type !== "RESOURCE" || v.resourceUrl !== null;
const resourceNeedsLinkMessage = { message: "Enter the link to the tool or resource", path: ["resourceUrl"] };

export const LEARNING_FORM_ARRAYS = ["priorityAreaIds", "pathwayStageIds"] as const;

export const createLearningItemSchema = z
  .object({
    type: z.enum(LEARNING_TYPES, "Select what kind of learning this is"),
    // Empty for national notes (they belong to no collaborative).
    collaborativeId: optionalId,
    ...itemFields,
  })
  .refine(resourceNeedsLink, resourceNeedsLinkMessage);
export type CreateLearningItemInput = z.infer<typeof createLearningItemSchema>;

export const updateLearningItemSchema = z
  .object({
    id: idField,
    version: versionField,
    type: z.enum(LEARNING_TYPES, "Select what kind of learning this is"),
    ...itemFields,
  })
  .refine(resourceNeedsLink, resourceNeedsLinkMessage);
export type UpdateLearningItemInput = z.infer<typeof updateLearningItemSchema>;

/** The learning form's "Preview" button: the Markdown to show, nothing saved. */
export const previewLearningItemSchema = z.object({ intent: z.literal("preview"), body: z.string().default("") });

export const itemIdSchema = z.object({ id: idField });

export const featureSchema = z.object({
  id: idField,
  featured: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const commentSchema = z.object({
  learningItemId: idField,
  parentId: optionalId,
  body: requiredText(5000, "Your comment", "Enter your question or answer", { min: 2 }),
});
export type CommentInput = z.infer<typeof commentSchema>;

export const moderateCommentSchema = z.object({
  id: idField,
  hidden: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const followSchema = z
  .object({
    learningItemId: optionalId,
    priorityAreaId: optionalId,
  })
  .refine((v) => (v.learningItemId === null) !== (v.priorityAreaId === null), {
    message: "Choose one thing to follow",
    path: ["form"],
  });
export type FollowInput = z.infer<typeof followSchema>;

/** The follow buttons: what to follow, whether to stop, and one of our own learning paths to go back to. */
export const followFormSchema = followSchema.and(
  z.object({
    intent: z.enum(["follow", "unfollow"]).catch("follow"),
    returnTo: z
      .string()
      .regex(/^\/learning(\/[a-z0-9-]+)?(\?[a-z0-9=&+%-]*)?$/i)
      .catch("/learning/following"),
  }),
);
