import { describe, expect, it } from "vitest";
import { countsAsAcknowledged, manualNextStatuses, statusAfter } from "@/lib/concerns/triage";

describe("concern statuses", () => {
  it("move forward by hand, skipping steps if needed; linked and responded come from linking and responding", () => {
    expect(manualNextStatuses("RECEIVED")).toEqual(["ACKNOWLEDGED", "UNDER_REVIEW", "CLOSED"]);
    expect(manualNextStatuses("ACKNOWLEDGED")).toEqual(["UNDER_REVIEW", "CLOSED"]);
    expect(manualNextStatuses("UNDER_REVIEW")).toEqual(["CLOSED"]);
    expect(manualNextStatuses("RESPONDED")).toEqual(["CLOSED"]);
  });

  it("let a closed concern be reopened for review, and nothing else", () => {
    expect(manualNextStatuses("CLOSED")).toEqual(["UNDER_REVIEW"]);
  });

  it("move on when linked or responded, but never backwards and never out of closed", () => {
    expect(statusAfter("RECEIVED", "LINKED")).toBe("LINKED");
    expect(statusAfter("UNDER_REVIEW", "RESPONDED")).toBe("RESPONDED");
    expect(statusAfter("RESPONDED", "LINKED")).toBe("RESPONDED");
    expect(statusAfter("CLOSED", "RESPONDED")).toBe("CLOSED");
  });

  it("count any move past received as the acknowledgement", () => {
    expect(countsAsAcknowledged("RECEIVED")).toBe(false);
    expect(countsAsAcknowledged("UNDER_REVIEW")).toBe(true);
  });
});
