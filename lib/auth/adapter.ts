// The small next-auth adapter the email-link and Microsoft Entra ID providers need. Sessions are JWTs,
// so only users, linked accounts and verification tokens are stored.
import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";

const userFields = { id: true, email: true, name: true, emailVerified: true, image: true } as const;

function toAdapterUser(
  user: { id: string; email: string; name: string; emailVerified: Date | null; image: string | null } | null,
): AdapterUser | null {
  return user
    ? { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified, image: user.image }
    : null;
}

export const portalAdapter: Adapter = {
  // Only Entra ID creates users here (first sign-in with an NHS.net account); they start with no membership.
  async createUser(user: Omit<AdapterUser, "id">) {
    const created = await db.user.create({
      data: {
        email: user.email.trim().toLowerCase(),
        name: user.name?.trim() || user.email,
        emailVerified: user.emailVerified,
        image: user.image,
      },
      select: userFields,
    });
    return toAdapterUser(created)!;
  },
  async getUser(id) {
    return toAdapterUser(await db.user.findFirst({ where: { id, erasedAt: null }, select: userFields }));
  },
  async getUserByEmail(email) {
    return toAdapterUser(
      await db.user.findFirst({ where: { email: email.trim().toLowerCase(), erasedAt: null }, select: userFields }),
    );
  },
  async getUserByAccount({ provider, providerAccountId }) {
    const account = await db.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId } },
      select: { user: { select: { ...userFields, erasedAt: true } } },
    });
    return account && !account.user.erasedAt ? toAdapterUser(account.user) : null;
  },
  async updateUser({ id, emailVerified }) {
    // next-auth only records that an email was verified; names and emails change in the portal itself.
    const updated = await db.user.update({
      where: { id },
      data: emailVerified !== undefined ? { emailVerified } : {},
      select: userFields,
    });
    return toAdapterUser(updated)!;
  },
  async linkAccount(account: AdapterAccount) {
    await db.account.create({
      data: {
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        // Tokens are not needed after sign-in (the portal calls no Microsoft API): none are kept.
        token_type: account.token_type ?? null,
        scope: account.scope ?? null,
      },
    });
  },
  async createVerificationToken(token) {
    await db.verificationToken.create({ data: token });
    return token;
  },
  /** Single use: deleting returns the row only to the first caller. */
  async useVerificationToken({ identifier, token }) {
    if (!identifier || !token) return null;
    const rows = await db.$queryRaw<{ identifier: string; token: string; expires: Date }[]>`
      DELETE FROM "VerificationToken" WHERE "identifier" = ${identifier} AND "token" = ${token} RETURNING "identifier", "token", "expires"`;
    return rows[0] ?? null;
  },
};
