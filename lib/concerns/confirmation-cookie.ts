// After a submission the browser is redirected to the confirmation page (so refreshing it never
// sends the form again); the reference and tracking token travel in a short-lived, http-only cookie
// rather than the URL, which would put the token in the history and in server logs.
//
// Value: reference.token[.flags], flags from "e" (a copy was emailed), "u" (urgent help is shown
// first) and "r" (the link was replaced since: a retried post after "I lost my link"; the token's
// place then holds a keyed receipt for the reference, so nobody can make a cookie that shows the
// confirmation of a reference they typed). The flags only choose sentences on the person's own page.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/session-cookie";
import { TRACKING_TOKEN_PATTERN, replacedLinkReceipt } from "./tracking-token";
import { trackingSecret } from "./contact-crypto";
import { normaliseReference } from "./reference";

const NAME = "psc-concern-sent";

export type RememberedSubmission = {
  reference: string;
  /** null: the link was replaced since this post was first answered; the page shows no link. */
  token: string | null;
  emailed: boolean;
  urgent: boolean;
};

export async function rememberSubmission(sent: RememberedSubmission): Promise<void> {
  const flags = `${sent.emailed ? "e" : ""}${sent.urgent ? "u" : ""}${sent.token ? "" : "r"}`;
  const proof = sent.token ?? replacedLinkReceipt(sent.reference, trackingSecret());
  (await cookies()).set(NAME, [sent.reference, proof, ...(flags ? [flags] : [])].join("."), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/concerns",
    maxAge: 30 * 60,
  });
}

export async function readSubmission(): Promise<RememberedSubmission | null> {
  const [reference, proof, flags = "", ...rest] = ((await cookies()).get(NAME)?.value ?? "").split(".");
  if (
    !reference ||
    !proof ||
    rest.length > 0 ||
    !/^[eur]*$/.test(flags) ||
    normaliseReference(reference) !== reference ||
    !TRACKING_TOKEN_PATTERN.test(proof)
  )
    return null;
  const replaced = flags.includes("r");
  if (replaced && !sameText(proof, replacedLinkReceipt(reference, trackingSecret()))) return null;
  return { reference, token: replaced ? null : proof, emailed: flags.includes("e"), urgent: flags.includes("u") };
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
