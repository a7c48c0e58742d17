// `npm run db:migration -- <name>`: writes the next migration offline, as the SQL difference between
// the schema the committed migrations produce (prisma/migrations/schema-snapshot.prisma, kept by this
// script) and the working prisma/schema.prisma. `prisma migrate dev` needs a shadow database that
// Prisma's WebAssembly engine cannot describe here; this needs none. The drift test
// (tests/integration/schema-drift.test.ts) proves the migrations and the schema agree.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prisma } from "./database";
import { loadLocalEnv } from "./local-env";
import { startTestServer } from "./test-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}

loadLocalEnv({ createSecrets: false });
const snapshot = "prisma/migrations/schema-snapshot.prisma";
// The diff itself needs a connection (the CLI opens one through the adapter), not a particular database.
const server = await startTestServer();
try {
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = prisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    server.serverUrl,
    { quiet: true },
  );
  if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql)) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    copyFileSync("prisma/schema.prisma", snapshot);
    console.log(
      `Wrote ${dir}/migration.sql. Review it, add any SQL Prisma cannot express (triggers, generated columns), then commit it with the schema.`,
    );
  }
} finally {
  await server.stop();
}
