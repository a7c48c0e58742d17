// As root, the embedded PostgreSQL runs as another user: a folder on the way to its binaries or data
// that others may not enter must be named in a clear message, not surface as a bare EACCES from initdb.
import { afterAll, describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { folderClosedToOthers } from "@/lib/cli/embedded-db";

const root = mkdtempSync(join(tmpdir(), "psc-closed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("folderClosedToOthers", () => {
  it("names the first folder on the way that others may not enter", () => {
    const clone = join(root, "clone");
    mkdirSync(join(clone, "node_modules", "pkg"), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(clone, 0o700);
    expect(folderClosedToOthers(join(clone, "node_modules", "pkg", "package.json"))).toBe(clone);
  });

  it("finds nothing when every folder on the way may be entered", () => {
    const open = join(root, "open");
    mkdirSync(join(open, "data"), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(open, 0o755);
    expect(folderClosedToOthers(join(open, "data", "postgres"))).toBeNull();
  });
});
