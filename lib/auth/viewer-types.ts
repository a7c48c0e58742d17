/** Who is asking: loaded fresh from the database for every request (roles take effect at once). */
export type Viewer = {
  userId: string | null;
  name: string | null;
  email: string | null;
  globalRole: "NONE" | "NATIONAL" | "ADMIN";
  /** Active memberships only: pending requests give no rights. */
  memberships: {
    collaborativeId: string;
    collaborativeSlug: string;
    role: "PATIENT" | "STAFF" | "LEAD";
    organisationId: string | null;
  }[];
};

export const ANONYMOUS: Viewer = { userId: null, name: null, email: null, globalRole: "NONE", memberships: [] };
