// How the portal recognises an unreachable database (so that people get "the service is unavailable",
// a 503, rather than an error), against real failures: a server that is not there, and connections
// ended by the server as a restart ends them. Ordinary errors are not mistaken for an outage.
import { afterEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import {
  availability,
  isDatabaseUnavailableError,
  markDatabaseUp,
  SERVICE_UNAVAILABLE_MESSAGE,
} from "@/lib/db-availability";
import { runForm } from "@/lib/forms";
import { DomainError, NotFoundError } from "@/lib/errors";
import { deferDatabaseOutage } from "@/lib/auth/load-viewer";
import { authorize } from "@/lib/auth/policy";
import { ANONYMOUS } from "@/lib/auth/viewer-types";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the promise to reject");
}

afterEach(() => markDatabaseUp());

describe("recognising an unreachable database", () => {
  it("a server that is not listening, for model queries, raw queries and transactions", async () => {
    const nowhere = new PrismaClient({
      adapter: new PrismaPg({
        host: "127.0.0.1",
        port: 1,
        user: "postgres",
        database: "none",
        connectionTimeoutMillis: 1_000,
      }),
    });
    try {
      expect(isDatabaseUnavailableError(await rejection(nowhere.user.count()))).toBe(true);
      expect(isDatabaseUnavailableError(await rejection(nowhere.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailableError(await rejection(nowhere.$transaction(async (tx) => tx.user.count())))).toBe(
        true,
      );
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("a connection the server ends in the middle of a transaction, which then writes nothing", async () => {
    const marker = `terminated-${Date.now()}`;
    const error = await rejection(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { action: "test.half_written", subjectType: "Test", subjectId: marker });
        const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        // What a database restart does to every open connection.
        await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
        await tx.user.count();
      }),
    );
    expect(isDatabaseUnavailableError(error)).toBe(true);
    expect(await db.auditEvent.count({ where: { subjectId: marker } })).toBe(0);
  });

  it("the app's pool notices connections ended by the server, and recovers without a restart", async () => {
    await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw`SELECT pg_sleep(0.05)::text`));
    markDatabaseUp();
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = ''`.then(
      () => undefined,
    );
    // The idle connections' error events arrive asynchronously.
    for (let i = 0; i < 40 && !availability().down; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(availability().down).toBe(true);
    expect(await db.collaborative.count()).toBe(15);
  });

  it("does not mistake ordinary errors for an outage", async () => {
    const collaborative = await db.collaborative.findFirstOrThrow();
    const duplicate = await rejection(
      db.collaborative.create({
        data: { slug: collaborative.slug, name: "x", leadAhsn2014: "x", nameSince2023: "x", region: "x" },
      }),
    );
    const syntax = await rejection(db.$queryRawUnsafe("SELEC 1"));
    for (const error of [
      duplicate,
      syntax,
      new NotFoundError(),
      new DomainError("Enter a title"),
      new Error("boom"),
      null,
      "text",
    ]) {
      expect(isDatabaseUnavailableError(error)).toBe(false);
    }
  });
});

describe("forms while the database is unreachable", () => {
  it("say the service is unavailable, keep what was typed, and mark the database as down", async () => {
    const formData = new FormData();
    formData.set("whatHappened", "The night nurse did not come when my dad called.");
    formData.set("$ACTION_ID_abc", "");
    const nowhere = new PrismaClient({
      adapter: new PrismaPg({
        host: "127.0.0.1",
        port: 1,
        user: "postgres",
        database: "none",
        connectionTimeoutMillis: 1_000,
      }),
    });
    try {
      const state = await runForm(formData, async () => {
        await nowhere.concern.count();
      });
      expect(state).toEqual({
        ok: false,
        message: SERVICE_UNAVAILABLE_MESSAGE,
        values: { whatHappened: "The night nurse did not come when my dad called." },
      });
      expect(availability().down).toBe(true);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("say the same when the viewer could not be loaded before the form ran (actions get it first)", async () => {
    const formData = new FormData();
    formData.set("title", "Falls on the frailty ward");
    const nowhere = new PrismaClient({
      adapter: new PrismaPg({
        host: "127.0.0.1",
        port: 1,
        user: "postgres",
        database: "none",
        connectionTimeoutMillis: 1_000,
      }),
    });
    try {
      // What an action does: get the viewer, then run the domain call, which asks the policy.
      const viewer = await deferDatabaseOutage(nowhere.user.findFirst().then(() => ANONYMOUS));
      expect(availability().down).toBe(true);
      const state = await runForm(formData, async () => {
        authorize(viewer, "project.update", { collaborativeId: "any" });
      });
      expect(state).toEqual({
        ok: false,
        message: SERVICE_UNAVAILABLE_MESSAGE,
        values: { title: "Falls on the frailty ward" },
      });
      // It never passes for a signed-out viewer, however it is read.
      expect(() => viewer.userId).toThrow();
      expect(() => ({ ...viewer })).toThrow();
      expect(() => "userId" in viewer).toThrow();
    } finally {
      await nowhere.$disconnect();
    }
    // Other failures loading the viewer are not deferred.
    await expect(deferDatabaseOutage(Promise.reject(new Error("a bug")))).rejects.toThrow("a bug");
  });

  it("still report other failures as a general error", async () => {
    const state = await runForm(new FormData(), async () => {
      throw new Error("a bug");
    });
    expect(state.message).toMatch(/something went wrong/);
    expect(availability().down).toBe(false);
  });
});
