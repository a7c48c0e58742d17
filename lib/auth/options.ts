import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyPassword } from "./passwords";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// Sessions are JWTs carrying the user id and session version; the viewer is re-read from the
// database on every request, so role changes and "sign out everywhere" take effect at once.
export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email address", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!email || !password || password.length > 1000) return null;
        const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true, erasedAt: true } });
        // Same work whether or not the account exists, so timing does not reveal accounts.
        const ok = await verifyPassword(user?.passwordHash ?? null, password);
        if (!user || user.erasedAt || !ok) return null;
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.uid = user.id;
        token.sv = row?.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: token.uid as string, sessionVersion: token.sv as number } as typeof session.user;
      return session;
    },
  },
};
