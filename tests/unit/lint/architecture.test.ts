// The lint gate carries the architecture (STYLE.md): each rule fails on a seeded violation and passes
// the compliant equivalent, linted with the repository's own eslint.config.js.
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
// The architectural rules need no types: skipping the type-checker keeps these cases fast.
const untyped = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked as Linter.Config });
const typed = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string, eslint = untyped): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  expect(result!.fatalErrorCount, JSON.stringify(result!.messages)).toBe(0);
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? "");
}

describe("only the data modules import the database client", () => {
  const query =
    'import "server-only";\nimport { db } from "@/lib/db";\nexport const count = () => db.project.count();\n';

  it("fails outside them, however the import is written", async () => {
    expect(await ruleIds(query, "lib/projects/summary.ts")).toContain("architecture/db-access");
    expect(await ruleIds(query.replace("@/lib/db", "../db"), "lib/projects/summary.ts")).toContain(
      "architecture/db-access",
    );
    expect(await ruleIds('export const load = () => import("@/lib/db");\n', "app/example/page.tsx")).toContain(
      "architecture/db-access",
    );
    expect(
      await ruleIds(
        'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const client = new PrismaClient();\n',
        "components/Example.tsx",
      ),
    ).toContain("architecture/db-access");
  });

  it("passes in queries.ts, mutations.ts and the allow-list, and for type-only imports anywhere", async () => {
    expect(await ruleIds(query, "lib/projects/queries.ts")).not.toContain("architecture/db-access");
    expect(await ruleIds(query, "lib/projects/mutations.ts")).not.toContain("architecture/db-access");
    expect(await ruleIds(query, "lib/auth/throttle.ts")).not.toContain("architecture/db-access");
    expect(
      await ruleIds(
        'import type { Tx } from "@/lib/db";\nexport type Writer = (tx: Tx) => Promise<void>;\n',
        "lib/projects/summary.ts",
      ),
    ).toEqual([]);
  });
});

describe("modules that touch the database or secrets import server-only", () => {
  const mailer = 'import { env } from "@/lib/env";\nexport const sender = () => env().MAIL_FROM;\n';

  it("fails without it", async () => {
    expect(await ruleIds(mailer, "lib/mail/sender.ts")).toEqual(["architecture/server-only"]);
    expect(
      await ruleIds(
        'import { createHmac } from "node:crypto";\nexport const sign = (s: string) => createHmac("sha256", "k").update(s).digest("hex");\n',
        "lib/concerns/sign.ts",
      ),
    ).toEqual(["architecture/server-only"]);
    expect(await ruleIds('import { z } from "zod";\nexport const schema = z.object({});\n', "lib/env.ts")).toEqual([
      "architecture/server-only",
    ]);
  });

  it("passes with it, and for modules that touch neither", async () => {
    expect(await ruleIds(`import "server-only";\n${mailer}`, "lib/mail/sender.ts")).toEqual([]);
    expect(
      await ruleIds('import { z } from "zod";\nexport const schema = z.object({});\n', "lib/mail/schemas.ts"),
    ).toEqual([]);
  });
});

describe("process.env is read only in lib/env.ts and the CLI", () => {
  const read = "export const from = () => process.env.MAIL_FROM;\n";

  it("fails elsewhere, however it is read", async () => {
    expect(await ruleIds(read, "lib/mail/sender.ts")).toEqual(["architecture/no-process-env"]);
    expect(await ruleIds('export const all = () => process["env"];\n', "app/example/page.tsx")).toEqual([
      "architecture/no-process-env",
    ]);
    expect(await ruleIds("const { env } = process;\nexport const from = env.MAIL_FROM;\n", "proxy.ts")).toEqual([
      "architecture/no-process-env",
    ]);
  });

  it("passes in lib/env.ts and lib/cli/, and for Next's build-time NEXT_RUNTIME", async () => {
    expect(await ruleIds(`import "server-only";\n${read}`, "lib/env.ts")).toEqual([]);
    expect(await ruleIds(read, "lib/cli/start.ts")).toEqual([]);
    expect(
      await ruleIds('export const onNode = () => process.env.NEXT_RUNTIME === "nodejs";\n', "instrumentation.ts"),
    ).toEqual([]);
  });
});

describe("no floating promises", () => {
  const file = "tests/fixtures/lint/promises.ts";
  const save = "async function save(): Promise<void> {}\n";

  it("fails on a promise nobody awaits, and on one passed where nothing will wait for it", async () => {
    expect(await ruleIds(`${save}export function submit() {\n  save();\n}\n`, file, typed)).toEqual([
      "@typescript-eslint/no-floating-promises",
    ]);
    expect(
      await ruleIds(
        `${save}export function submitAll(ids: string[]) {\n  ids.forEach(async () => {\n    await save();\n  });\n}\n`,
        file,
        typed,
      ),
    ).toEqual(["@typescript-eslint/no-misused-promises"]);
  });

  it("passes when awaited, or explicitly let go with void", async () => {
    expect(await ruleIds(`${save}export async function submit() {\n  await save();\n}\n`, file, typed)).toEqual([]);
    expect(await ruleIds(`${save}export function submit() {\n  void save();\n}\n`, file, typed)).toEqual([]);
  });
}, 60_000);
