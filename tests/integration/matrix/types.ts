import type { Action, Resource } from "@/lib/auth/policy";
import type { Cast, CastRole } from "@/tests/fixtures/factories";

/**
 * One row of the authorization matrix: an action on a resource (built from the cast's two
 * collaboratives, A = wessex and B = oxford) and the roles allowed; every other role is denied.
 */
export type MatrixRow = {
  action: Action;
  /** e.g. "own collaborative's draft project", "another collaborative's concern" */
  on: string;
  resource: (cast: Cast) => Resource;
  allowed: CastRole[];
};
