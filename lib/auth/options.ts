import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import AzureADProvider from "next-auth/providers/azure-ad";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit";
import { portalAdapter } from "./adapter";
import { ipFromForwardedFor } from "./request-ip";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { limits, takeSlots } from "./throttle";
import { ANONYMOUS } from "./viewer-types";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { sendSignInLinkEmail } from "@/lib/accounts/emails";

/** Microsoft Entra ID (the sign-in NHS.net staff use) is switched on by setting all three variables. */
export function entraEnabled(): boolean {
  const e = env();
  return Boolean(e.AZURE_AD_CLIENT_ID && e.AZURE_AD_CLIENT_SECRET && e.AZURE_AD_TENANT_ID);
}

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email address", type: "email" },
        password: { label: "Password", type: "password" },
      },
      // The same throttled, audited check as the sign-in form (lib/accounts/sign-in.ts).
      async authorize(credentials, req) {
        const forwarded = req?.headers?.["x-forwarded-for"];
        const ip = ipFromForwardedFor(Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null));
        try {
          const user = await signInWithPassword(
            ANONYMOUS,
            { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? "") },
            ip,
          );
          return { id: user.id, name: user.name, email: user.email };
        } catch {
          return null;
        }
      },
    }),
    // Sign-in links: the portal's own form creates the token (lib/accounts/recovery.ts) in the format
    // next-auth checks, and next-auth's callback (/api/auth/callback/email) completes the sign-in.
    // Requests through next-auth's own endpoint get the same rules: existing accounts only, throttled.
    EmailProvider({
      maxAge: 60 * 60,
      sendVerificationRequest: async ({ identifier, url }) => {
        const user = await db.user.findUnique({
          where: { email: identifier.trim().toLowerCase() },
          select: { erasedAt: true },
        });
        if (!user || user.erasedAt) return;
        try {
          await takeSlots([limits.emailLinkAccount(identifier)]);
        } catch {
          return;
        }
        await sendSignInLinkEmail(identifier, url);
      },
    }),
  ];
  if (entraEnabled()) {
    list.push(
      AzureADProvider({
        clientId: e.AZURE_AD_CLIENT_ID!,
        clientSecret: e.AZURE_AD_CLIENT_SECRET!,
        tenantId: e.AZURE_AD_TENANT_ID!,
        // Entra ID accounts are matched to portal users by (verified, organisation-managed) email.
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return list;
}

// Sessions are JWTs carrying the user id and session version; the viewer is re-read from the
// database on every request, so role changes and "sign out everywhere" take effect at once.
export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  adapter: portalAdapter,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/sign-in/email/sent" },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, email }) {
      if (account?.provider === "credentials") return true;
      // Asking for a link gets the same answer for every address (sendVerificationRequest decides).
      if (email?.verificationRequest) return true;
      // Email links are only sent to existing accounts; never create one from a link. Erased users stay out.
      const row = user.email
        ? await db.user.findUnique({
            where: { email: user.email.trim().toLowerCase() },
            select: { id: true, erasedAt: true },
          })
        : null;
      if (account?.provider === "email") return Boolean(row && !row.erasedAt);
      return !row?.erasedAt;
    },
    async jwt({ token, user }) {
      if (user) {
        const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.uid = user.id;
        token.sv = row?.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        sessionVersion: token.sv as number,
      } as typeof session.user;
      return session;
    },
  },
  events: {
    // Password sign-ins are audited (with the IP) where they are checked; these are links and Entra ID.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return;
      await recordAudit(db, {
        action: "auth.signed_in",
        subjectType: "User",
        subjectId: user.id,
        actorId: user.id,
        details: { method: account?.provider ?? "unknown" },
      });
    },
  },
};
