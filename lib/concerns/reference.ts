// Concern references, e.g. PSC-7K4D-92QF: short enough to read out on the phone, with no characters
// that are easily confused (no 0/O, 1/I/L, U/V). Pure: randomness comes in as a function.
import "server-only";
import { randomBytes } from "node:crypto";

export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUP = 4;
// 30 symbols: bytes from 240 up would favour the first 16 symbols, so they are drawn again.
const UNBIASED_BELOW = 256 - (256 % REFERENCE_ALPHABET.length);

/** A new reference from a cryptographic random source (8 symbols: about 6.6 × 10¹¹ possibilities). */
export function generateReference(random: (size: number) => Uint8Array = randomBytes): string {
  const symbols: string[] = [];
  while (symbols.length < GROUP * 2) {
    for (const byte of random(GROUP * 2)) {
      if (byte < UNBIASED_BELOW && symbols.length < GROUP * 2)
        symbols.push(REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]!);
    }
  }
  return `PSC-${symbols.slice(0, GROUP).join("")}-${symbols.slice(GROUP).join("")}`;
}

const REFERENCE_PATTERN = new RegExp(`^PSC-[${REFERENCE_ALPHABET}]{${GROUP}}-[${REFERENCE_ALPHABET}]{${GROUP}}$`);

/** What a person typed, as a reference (case, spaces and dashes do not matter); null when it cannot be one. */
export function normaliseReference(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-–_.]/g, "")
    .replace(/^PSC/, "");
  if (compact.length !== GROUP * 2) return null;
  const reference = `PSC-${compact.slice(0, GROUP)}-${compact.slice(GROUP)}`;
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}
