/**
 * Deterministic randomness and dates for the demo seed: the same seed gives the same content on
 * every run and every machine. Nothing here reads the clock or Math.random.
 */
import { createHash } from "node:crypto";

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for demo data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a label, so each part of the seed has its own stream (adding content to one part leaves the others unchanged). */
export function seedFrom(label: string): number {
  return createHash("sha256").update(label).digest().readUInt32LE(0);
}

export class Rng {
  private readonly next: () => number;
  constructor(seedOrLabel: number | string) {
    this.next = mulberry32(typeof seedOrLabel === "string" ? seedFrom(seedOrLabel) : seedOrLabel);
  }
  /** [0, 1) */
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(count, items.length)));
  }
  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Poisson count: Knuth for small means, a rounded normal for large ones. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > limit);
    return k - 1;
  }
  /** Binomial count (n Bernoulli trials; n is small in the seed). */
  binomial(n: number, p: number): number {
    const q = Math.min(1, Math.max(0, p));
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < q) k++;
    return k;
  }
  /** A cuid-shaped id ("c" + 24 base-36 characters), deterministic. */
  id(): string {
    let s = "c";
    for (let i = 0; i < 24; i++) s += "0123456789abcdefghijklmnopqrstuvwxyz"[Math.floor(this.next() * 36)];
    return s;
  }
  hex(bytes: number): string {
    let s = "";
    for (let i = 0; i < bytes; i++)
      s += Math.floor(this.next() * 256)
        .toString(16)
        .padStart(2, "0");
    return s;
  }
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

// ─── Dates ────────────────────────────────────────────────────────────────────

/** The demo's "today": concerns, events and statuses are dated relative to it. */
export const DEMO_NOW = new Date(Date.UTC(2026, 10, 20, 10, 0, 0));
/** The latest month with measure data (period start). */
export const LAST_PERIOD = new Date(Date.UTC(2026, 9, 1));

export function utcDate(year: number, month1: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month1 - 1, day, hour, minute));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}

/** Add calendar months to a first-of-month date (UTC). */
export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/** Midnight UTC of the same day: the value Prisma reads back from a @db.Date column. */
export function dateOnly(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** First day of the month containing the date. */
export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "March 2026" */
export function monthName(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "14 March 2026" */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Replace {name} placeholders; unknown placeholders are left as they are. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
