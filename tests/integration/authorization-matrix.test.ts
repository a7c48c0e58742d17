// Every role × every action the portal has, against the real policy and real users in the database.
// Domain files under ./matrix add their rows; this test fails if any action in the policy has none.
import { beforeAll, describe, expect, it } from "vitest";
import { can, permissions, type Action } from "@/lib/auth/policy";
import { createCast, type Cast, type CastRole } from "@/tests/fixtures/factories";
import type { MatrixRow } from "./matrix/types";

const modules = import.meta.glob<{ rows: MatrixRow[] }>("./matrix/*.ts", { eager: true });
const rows = Object.values(modules).flatMap((m) => m.rows ?? []);
const roles: CastRole[] = ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"];

let cast: Cast;
beforeAll(async () => {
  cast = await createCast();
});

describe("authorization matrix", () => {
  it("covers every action in the policy", () => {
    const covered = new Set(rows.map((r) => r.action));
    const missing = (Object.keys(permissions) as Action[]).filter((a) => !covered.has(a));
    expect(missing).toEqual([]);
  });

  for (const row of rows) {
    describe(`${row.action} on ${row.on}`, () => {
      for (const role of roles) {
        const expected = row.allowed.includes(role);
        it(`${expected ? "allows" : "denies"} ${role}`, () => {
          expect(can(cast.viewers[role], row.action, row.resource(cast))).toBe(expected);
        });
      }
    });
  }
});
