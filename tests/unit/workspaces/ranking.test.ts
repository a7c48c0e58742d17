import { describe, expect, it } from "vitest";
import { checkRanking, ranksFromForm } from "@/lib/priorities/ranking";

const ids = ["a", "b", "c", "d"];

describe("checking a submitted ranking", () => {
  it("accepts a full ranking and returns it in rank order", () => {
    expect(checkRanking(ids, { a: "2", b: "1", c: "4", d: "3" })).toEqual({
      ok: true,
      rankings: [
        { candidateId: "b", rank: 1 },
        { candidateId: "a", rank: 2 },
        { candidateId: "d", rank: 3 },
        { candidateId: "c", rank: 4 },
      ],
    });
  });

  it("accepts a partial ranking; unranked candidates are left out", () => {
    expect(checkRanking(ids, { a: "", b: "1", c: "2", d: "" })).toEqual({
      ok: true,
      rankings: [
        { candidateId: "b", rank: 1 },
        { candidateId: "c", rank: 2 },
      ],
    });
    expect(checkRanking(ids, { c: "1" })).toEqual({ ok: true, rankings: [{ candidateId: "c", rank: 1 }] });
  });

  it("rejects the same rank given twice, marking both candidates", () => {
    const result = checkRanking(ids, { a: "1", b: "1", c: "2" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      "rank-a": "You gave rank 1 to more than one candidate: give each rank once",
      "rank-b": "You gave rank 1 to more than one candidate: give each rank once",
    });
    // Said once in the error summary: its message is the fields' own text, which the summary lists once
    // (it used to add "Each rank can be given to one candidate only." above the same words).
    expect(result.message).toBe("You gave rank 1 to more than one candidate: give each rank once");
    expect(new Set([result.message, ...Object.values(result.fieldErrors)]).size).toBe(1);
  });

  it("names each repeated rank once when more than one rank is repeated", () => {
    const result = checkRanking(ids, { a: "1", b: "1", c: "2", d: "2" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...new Set([result.message, ...Object.values(result.fieldErrors)])]).toEqual([
      "You gave rank 1 to more than one candidate: give each rank once",
      "You gave rank 2 to more than one candidate: give each rank once",
    ]);
  });

  it("rejects gaps: ranks must run from 1", () => {
    const result = checkRanking(ids, { a: "1", b: "3" });
    expect(result).toMatchObject({
      ok: false,
      message: "Ranks must run 1, 2, 3 and so on without gaps. You did not use 2.",
      fieldErrors: { "rank-b": "Use 2 before rank 3" },
    });
    expect(checkRanking(ids, { a: "2" })).toMatchObject({
      ok: false,
      message: "Ranks must run 1, 2, 3 and so on without gaps. You did not use 1.",
    });
  });

  it("rejects a candidate that is not in the round", () => {
    expect(checkRanking(ids, { a: "1", zzz: "2" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("not in this round"),
    });
  });

  it("rejects ranks outside 1..n and anything that is not a whole number", () => {
    for (const bad of ["0", "5", "-1", "1.5", "first", "1e0"]) {
      expect(checkRanking(ids, { a: bad })).toMatchObject({
        ok: false,
        fieldErrors: { "rank-a": 'Choose a rank from 1 to 4, or "Not ranked"' },
      });
    }
  });

  it("asks for at least one rank", () => {
    expect(checkRanking(ids, { a: "", b: "" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Rank at least one"),
      fieldErrors: { "rank-a": "Rank at least one candidate" },
    });
  });
});

describe("reading ranks from the form", () => {
  it("takes only the rank-<candidate> fields", () => {
    const form = new FormData();
    form.set("roundId", "r1");
    form.set("rank-a", " 2 ");
    form.set("rank-b", "");
    expect(ranksFromForm(form.entries())).toEqual({ a: "2", b: "" });
  });
});
