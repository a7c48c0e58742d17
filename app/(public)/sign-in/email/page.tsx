import type { Metadata } from "next";
import Link from "next/link";
import { requestEmailSignInLinkAction } from "@/lib/accounts/actions";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { AccountForm } from "@/components/accounts/AccountForm";

export const metadata: Metadata = { title: "Sign in with an email link" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function EmailSignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <div className="max-w-2xl">
      <h1>Sign in with an email link</h1>
      <p>We will email you a link that signs you in. It works once, within 1 hour.</p>
      <AccountForm
        action={requestEmailSignInLinkAction}
        hidden={{ callbackUrl }}
        fields={[{ name: "email", label: "Email address", type: "email", autoComplete: "email" }]}
        submitLabel="Email me a link"
      />
      <p>
        <Link href="/sign-in">Sign in with a password instead</Link>
      </p>
    </div>
  );
}
