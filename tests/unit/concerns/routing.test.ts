import { describe, expect, it } from "vitest";
import { decideRouting, postcodeAreaOf } from "@/lib/concerns/routing";

describe("postcode areas", () => {
  it("are the letters at the start of a full or partial postcode", () => {
    expect(postcodeAreaOf("SO16 6YD")).toBe("SO");
    expect(postcodeAreaOf("so166yd")).toBe("SO");
    expect(postcodeAreaOf("SO16")).toBe("SO");
    expect(postcodeAreaOf("B1 1AA")).toBe("B");
    expect(postcodeAreaOf("EC1A 1BB")).toBe("EC");
    expect(postcodeAreaOf("W1A 0AX")).toBe("W");
  });

  it("reject what is not a postcode", () => {
    for (const bad of ["", "Southampton", "SO", "123", "SO16 6Y", "<b>SO16</b>"])
      expect(postcodeAreaOf(bad), bad).toBeNull();
  });
});

const none = { postcode: null, organisationCollaborative: null, region: null, confirmed: null };
const reading = { area: "RG", usual: "oxford", alsoPossible: ["wessex"] };
const southampton = { area: "SO", usual: "wessex", alsoPossible: [] };

describe("routing a concern", () => {
  it("never decides from a postcode alone: the person is asked to confirm the usual collaborative", () => {
    expect(decideRouting({ ...none, postcode: southampton })).toEqual({
      kind: "confirm",
      reason: "postcode",
      suggested: "wessex",
      options: ["wessex"],
    });
  });

  it("offers the other possible collaboratives when an area crosses boundaries", () => {
    expect(decideRouting({ ...none, postcode: reading })).toEqual({
      kind: "confirm",
      reason: "postcode",
      suggested: "oxford",
      options: ["oxford", "wessex"],
    });
  });

  it("routes to the answer the person confirmed, when it is one of the options", () => {
    expect(decideRouting({ ...none, postcode: reading, confirmed: "wessex" })).toEqual({
      kind: "routed",
      collaborative: "wessex",
    });
  });

  it("does not accept a confirmation the question did not offer", () => {
    expect(decideRouting({ ...none, postcode: reading, confirmed: "south-west" }).kind).toBe("confirm");
  });

  it("routes by the member organisation chosen, when the postcode agrees it is possible", () => {
    expect(decideRouting({ ...none, postcode: reading, organisationCollaborative: "wessex" })).toEqual({
      kind: "routed",
      collaborative: "wessex",
    });
    expect(decideRouting({ ...none, organisationCollaborative: "wessex" })).toEqual({
      kind: "routed",
      collaborative: "wessex",
    });
  });

  it("asks when the organisation and the postcode point to different collaboratives", () => {
    expect(decideRouting({ ...none, postcode: southampton, organisationCollaborative: "oxford" })).toEqual({
      kind: "confirm",
      reason: "conflict",
      suggested: "oxford",
      options: ["oxford", "wessex"],
    });
  });

  it("routes by the part of England chosen when there is no postcode", () => {
    expect(decideRouting({ ...none, region: "south-west" })).toEqual({ kind: "routed", collaborative: "south-west" });
  });

  it("asks when the organisation and the chosen region disagree", () => {
    expect(decideRouting({ ...none, region: "south-west", organisationCollaborative: "wessex" })).toMatchObject({
      kind: "confirm",
      reason: "conflict",
      options: ["wessex", "south-west"],
    });
    expect(
      decideRouting({ ...none, region: "south-west", organisationCollaborative: "wessex", confirmed: "south-west" }),
    ).toEqual({ kind: "routed", collaborative: "south-west" });
  });

  it("needs something to go on", () => {
    expect(decideRouting(none)).toEqual({ kind: "missing" });
  });
});
