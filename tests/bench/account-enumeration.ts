/**
 * `npm run bench -- account-enumeration`: does the answer's timing tell whether an account exists?
 * Times, in process, the work a request does before answering — asking for a password reset, asking
 * for a sign-in link and registering — for addresses that have an account and addresses that do not
 * (emails are sent later by the job queue, so they are not part of the answer). Figures are printed,
 * not asserted. Builds a scratch database, psc_bench_account_enumeration (dropped at the end).
 * BENCH_RUNS (default 40) requests of each kind per group.
 */
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { checkReachable, createDatabase, dropDatabase, migrate } from "@/lib/cli/database";

const DATABASE = "psc_bench_account_enumeration";
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Runs `work` for each address in turn (alternating groups, so drift affects both alike). */
async function compare(label: string, known: string[], unknown: string[], work: (email: string) => Promise<unknown>) {
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < known.length; i++) {
    for (const group of ["known", "unknown"] as const) {
      const email = (group === "known" ? known : unknown)[i]!;
      const started = performance.now();
      await work(email);
      times[group].push(performance.now() - started);
    }
  }
  for (const group of ["known", "unknown"] as const) {
    const sorted = times[group].sort((a, b) => a - b);
    console.log(
      `${`${label}, ${group} address`.padEnd(44)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(7)} ms   (${sorted.length} runs)`,
    );
  }
}

export async function run() {
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  await checkReachable(serverUrl);
  await dropDatabase(serverUrl, DATABASE);
  const url = await createDatabase(serverUrl, DATABASE);
  try {
    migrate(url);
    process.env.DATABASE_URL = url;
    const { db } = await import("@/lib/db");
    const { seedReferenceData } = await import("@/prisma/seed/reference-data");
    const { hashPassword } = await import("@/lib/auth/passwords");
    const { ANONYMOUS } = await import("@/lib/auth/viewer-types");
    const { requestEmailSignInLink, requestPasswordReset } = await import("@/lib/accounts/recovery");
    const { registerPatient } = await import("@/lib/accounts/mutations");
    await seedReferenceData(db);
    const wessex = await db.collaborative.findUniqueOrThrow({ where: { slug: "wessex" } });
    const passwordHash = await hashPassword("bench password that is long");

    // A fresh set of addresses per measurement: the per-account limits allow only a few requests an hour.
    const addresses = async () => {
      const known = Array.from({ length: RUNS }, () => `known-${randomUUID().slice(0, 12)}@bench.nhs.uk`);
      await db.user.createMany({ data: known.map((email) => ({ email, name: "Bench Person", passwordHash })) });
      return { known, unknown: Array.from({ length: RUNS }, () => `nobody-${randomUUID().slice(0, 12)}@bench.nhs.uk`) };
    };
    const ip = () => `bench-${randomUUID()}`;
    for (let round = 1; round <= 2; round++) {
      console.log(round === 1 ? "Warm-up round (first use of each path):" : "Measured round:");
      let set = await addresses();
      await compare("password reset", set.known, set.unknown, (email) =>
        requestPasswordReset(ANONYMOUS, { email }, ip()),
      );
      set = await addresses();
      await compare("sign-in link", set.known, set.unknown, (email) =>
        requestEmailSignInLink(ANONYMOUS, { email, callbackUrl: "/" }, ip()),
      );
      set = await addresses();
      await compare("registration", set.known, set.unknown, (email) =>
        registerPatient(
          ANONYMOUS,
          { name: "Bench Person", email, password: "bench password that is long", collaborativeId: wessex.id },
          ip(),
        ),
      );
    }
    const queued = await db.accountEmailRequest.count();
    console.log(`${queued} email requests queued for the job (one per request, known or not).`);
    await db.$disconnect();
  } finally {
    await dropDatabase(serverUrl, DATABASE);
  }
}
