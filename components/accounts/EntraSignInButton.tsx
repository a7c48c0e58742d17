"use client";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/Button";

/** Microsoft Entra ID goes through next-auth's OAuth flow, which needs its CSRF token: this button uses JavaScript. */
export function EntraSignInButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => void signIn("azure-ad", { callbackUrl })}>
      Sign in with Microsoft (NHS.net)
    </Button>
  );
}
