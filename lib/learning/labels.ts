// Words for learning and adoption enums, and the short keys used for them in URLs.
import type { AdoptionStatus, LearningStatus, LearningType } from "@/lib/generated/prisma/enums";

export const LEARNING_TYPES = [
  "CHANGE_IDEA",
  "CASE_STUDY",
  "RESOURCE",
  "LESSON",
  "NATIONAL_NOTE",
] as const satisfies readonly LearningType[];

export const learningTypeLabel: Record<LearningType, string> = {
  CHANGE_IDEA: "Change idea",
  CASE_STUDY: "Case study",
  RESOURCE: "Tool or resource",
  LESSON: "Lesson from something that did not work",
  NATIONAL_NOTE: "National note",
};

export const learningTypeHint: Record<LearningType, string> = {
  CHANGE_IDEA: "A change your team tested, with evidence that it improved things",
  CASE_STUDY: "The story of a piece of work: what you did, what happened, what you learned",
  RESOURCE: "A tool, template or guide others can use (give its link)",
  LESSON: "Something that did not work, so others can avoid it or do it differently",
  NATIONAL_NOTE: "From the national team",
};

/** URL keys: /learning?type=change-idea */
export const learningTypeKey: Record<LearningType, string> = {
  CHANGE_IDEA: "change-idea",
  CASE_STUDY: "case-study",
  RESOURCE: "resource",
  LESSON: "lesson",
  NATIONAL_NOTE: "national-note",
};

export function learningTypeFromKey(key: string): LearningType | undefined {
  return LEARNING_TYPES.find((t) => learningTypeKey[t] === key);
}

export const learningStatusLabel: Record<LearningStatus, string> = {
  DRAFT: "Draft",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

export const ADOPTION_STATUSES = [
  "CONSIDERING",
  "TESTING",
  "ADOPTED",
  "SUSTAINED",
  "NOT_ADOPTED",
] as const satisfies readonly AdoptionStatus[];

export const adoptionStatusLabel: Record<AdoptionStatus, string> = {
  CONSIDERING: "Considering",
  TESTING: "Testing",
  ADOPTED: "Adopted",
  SUSTAINED: "Sustained",
  NOT_ADOPTED: "Not adopted",
};

export const adoptionStatusHint: Record<AdoptionStatus, string> = {
  CONSIDERING: "Deciding whether it fits your setting",
  TESTING: "Trying it out in PDSA cycles",
  ADOPTED: "Now part of how you work",
  SUSTAINED: "Still in place and holding its gains",
  NOT_ADOPTED: "You decided not to adopt it (tell others why)",
};
