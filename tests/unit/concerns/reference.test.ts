import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { REFERENCE_ALPHABET, generateReference, normaliseReference } from "@/lib/concerns/reference";

describe("concern references", () => {
  it("look like PSC-XXXX-XXXX using only the unambiguous alphabet", () => {
    for (let i = 0; i < 500; i += 1) {
      expect(generateReference()).toMatch(
        /^PSC-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/,
      );
    }
  });

  it("never use characters people confuse (0 O 1 I L U)", () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OILU]/);
    expect(REFERENCE_ALPHABET).toHaveLength(30);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(30);
  });

  it("draws from the random source without bias: bytes 240 and above are discarded", () => {
    // 239 = 7 × 30 + 29 → the last symbol; 240–255 must be skipped, not wrapped onto the first symbols.
    const bytes = [255, 240, 239, 0, 29, 30, 59, 60, 1, 2, 3, 4];
    let at = 0;
    const random = (size: number) => Uint8Array.from({ length: size }, () => bytes[at++ % bytes.length]!);
    expect(generateReference(random)).toBe("PSC-Z2Z2-Z234");
  });

  it("differ from call to call (crypto random)", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateReference()));
    expect(seen.size).toBe(2000);
  });

  it("are recognised however people type them", () => {
    expect(normaliseReference("psc-7k4d-92qf")).toBe("PSC-7K4D-92QF");
    expect(normaliseReference(" PSC 7K4D 92QF ")).toBe("PSC-7K4D-92QF");
    expect(normaliseReference("7K4D92QF")).toBe("PSC-7K4D-92QF");
    expect(normaliseReference("PSC-7K4D-92Q")).toBeNull();
    expect(normaliseReference("PSC-7K4D-92QO")).toBeNull(); // O is never used
    expect(normaliseReference("<script>")).toBeNull();
  });

  it("round-trips every generated reference through normalisation", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (seed) => {
        let at = 0;
        const reference = generateReference((size) => {
          const out = seed.slice(at, at + size);
          at += size;
          return out.length === size ? out : Uint8Array.from({ length: size }, (_, i) => i);
        });
        return normaliseReference(reference.toLowerCase()) === reference;
      }),
    );
  });
});
