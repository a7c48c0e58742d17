import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CapturedMail } from "./capture-server";

/** Captured messages, newest first (development and tests only). */
export function listCapturedMail(dir: string): CapturedMail[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CapturedMail)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
}
