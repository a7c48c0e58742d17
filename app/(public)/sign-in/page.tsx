import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { entraEnabled } from "@/lib/auth/options";
import { SignInForm } from "@/components/accounts/SignInForm";
import { EntraSignInButton } from "@/components/accounts/EntraSignInButton";

export const metadata: Metadata = { title: "Sign in" };

// next-auth sends people here with ?error=… when an email link or Microsoft sign-in did not work.
const NEXT_AUTH_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one.",
  OAuthAccountNotLinked: "Sign in with your email address and password, then try Microsoft again.",
  AccessDenied: "You cannot sign in with that account.",
  CredentialsSignin: "Enter a correct email address and password",
  SessionRequired: "Sign in to see that page.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl: rawCallback, error, reset } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallback);
  const viewer = await getViewer();
  if (viewer.userId) redirect(callbackUrl);
  const notice = error ? (NEXT_AUTH_ERRORS[error] ?? "Sorry, we could not sign you in. Please try again.") : undefined;
  const query = rawCallback ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <div className="max-w-2xl">
      <h1>Sign in</h1>
      {reset === "done" && (
        <p className="border-l-[10px] border-nhs-green bg-white p-4 font-bold">
          Your password has been changed. Sign in with your new password.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} notice={notice} />
      <p>
        <Link href="/forgot-password">Forgotten your password?</Link>
      </p>
      <p>
        <Link href={`/sign-in/email${query}`}>Email me a sign-in link instead</Link>
      </p>
      {entraEnabled() && (
        <>
          <h2 className="mt-8">NHS.net and other Microsoft accounts</h2>
          <EntraSignInButton callbackUrl={callbackUrl} />
        </>
      )}
      <h2 className="mt-8">New to the portal?</h2>
      <p>You do not need an account to raise a safety concern.</p>
      <p>
        <Link href="/register">Create an account</Link> to follow your concerns and take part in choosing your
        collaborative&apos;s safety priorities, or to join as a member of staff.
      </p>
    </div>
  );
}
