// How an adoption moves: considering → testing → adopted → sustained, or not adopted (with a reason)
// at any point; a team that stopped may consider the idea again. Pure.
import type { AdoptionStatus } from "@/lib/generated/prisma/enums";

const NEXT: Record<AdoptionStatus, AdoptionStatus[]> = {
  CONSIDERING: ["TESTING", "ADOPTED", "NOT_ADOPTED"],
  TESTING: ["ADOPTED", "NOT_ADOPTED"],
  ADOPTED: ["SUSTAINED", "NOT_ADOPTED"],
  SUSTAINED: ["NOT_ADOPTED"],
  NOT_ADOPTED: ["CONSIDERING", "TESTING"],
};

export function nextAdoptionStatuses(current: AdoptionStatus): AdoptionStatus[] {
  return NEXT[current];
}

export function canMoveAdoption(from: AdoptionStatus, to: AdoptionStatus): boolean {
  return from === to || NEXT[from].includes(to);
}
