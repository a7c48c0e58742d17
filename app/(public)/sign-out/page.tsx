import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/lib/accounts/actions";
import { getViewer } from "@/lib/auth/viewer";
import { Button } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Sign out" };

// Signing out is a POST (a link or prefetch must never sign anyone out), confirmed here.
export default async function SignOutPage() {
  const viewer = await getViewer();
  if (!viewer.userId) {
    return (
      <>
        <h1>You are signed out</h1>
        <p>
          <Link href="/">Go to the home page</Link> or <Link href="/sign-in">sign in</Link>.
        </p>
      </>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1>Sign out</h1>
      <p>
        You are signed in as {viewer.name} ({viewer.email}).
      </p>
      <form action={signOutAction}>
        <Button>Sign out</Button>
      </form>
      <p>
        To sign out on all your devices, go to <Link href="/account">your account</Link>.
      </p>
    </div>
  );
}
