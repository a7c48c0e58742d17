// After a submission the browser is redirected to the confirmation page (so refreshing it never
// sends the form again); the reference and tracking token travel in a short-lived, http-only cookie
// rather than the URL, which would put the token in the history and in server logs.
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/session-cookie";
import { TRACKING_TOKEN_PATTERN } from "./tracking-token";
import { normaliseReference } from "./reference";

const NAME = "psc-concern-sent";

export async function rememberSubmission(reference: string, token: string): Promise<void> {
  (await cookies()).set(NAME, `${reference}.${token}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/concerns",
    maxAge: 30 * 60,
  });
}

export async function readSubmission(): Promise<{ reference: string; token: string } | null> {
  const [reference, token] = ((await cookies()).get(NAME)?.value ?? "").split(".");
  if (!reference || !token || normaliseReference(reference) !== reference || !TRACKING_TOKEN_PATTERN.test(token))
    return null;
  return { reference, token };
}
