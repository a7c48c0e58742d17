// The List-Unsubscribe address of a notification email (RFC 8058). A mail client's one-click POST
// (body List-Unsubscribe=One-Click, no cookies) turns the kind off for the person the token names.
// A GET never changes anything (mail scanners fetch links): it shows the page with a button.
import { NextResponse } from "next/server";
import { unsubscribe } from "@/lib/notifications/mutations";
import { ANONYMOUS } from "@/lib/auth/viewer-types";

type Context = { params: Promise<{ token: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  // A relative Location: the portal's own address, whatever host the request came through.
  return new NextResponse(null, {
    status: 303,
    headers: {
      Location: `/notifications/unsubscribe/${encodeURIComponent(token)}/confirm`,
      "Cache-Control": "no-store",
    },
  });
}

export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  const body = await request.text().catch(() => "");
  if (new URLSearchParams(body).get("List-Unsubscribe") !== "One-Click")
    return new NextResponse("Expected List-Unsubscribe=One-Click.\n", { status: 400, headers: plain });
  // No session: the token names the person (a mail client posts without cookies).
  const done = await unsubscribe(ANONYMOUS, token);
  if (!done) return new NextResponse("This unsubscribe link is not valid.\n", { status: 404, headers: plain });
  return new NextResponse("Unsubscribed.\n", { status: 200, headers: plain });
}

const plain = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
