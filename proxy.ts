import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseAvailable } from "@/lib/db-probe";
import { isDevelopment, isProduction } from "@/lib/env";
import { RETRY_AFTER_SECONDS, unavailablePage } from "@/lib/unavailable-page";
import { PUBLIC_FILES } from "@/lib/public-files";

// Security headers for every page, with a fresh script nonce per request: Next.js adds the nonce to
// its own scripts, and no inline script without it can run (no 'unsafe-inline' for scripts).
export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const development = isDevelopment();
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (chart geometry) are allowed; style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  let response: NextResponse;
  if (needsDatabaseCheck(request) && !(await isDatabaseAvailable())) {
    response = new NextResponse(unavailablePage({ formWasSent: request.method === "POST" }), {
      status: 503,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(RETRY_AFTER_SECONDS),
      },
    });
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  );
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  // Browsers honour HSTS only over HTTPS, so sending it from every production response is safe.
  if (isProduction()) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
  }
  return response;
}

/**
 * While the database is unreachable, pages and downloads get a 503 with a friendly page instead of an
 * error. Not gated: the health check (it reports the outage itself), the files in public/ (icons,
 * robots.txt, security.txt need no database) and server actions called by the page's JavaScript
 * (they answer in the form, keeping what was typed: see runForm).
 */
function needsDatabaseCheck(request: NextRequest): boolean {
  if (request.nextUrl.pathname === "/api/health") return false;
  if (PUBLIC_FILES.has(request.nextUrl.pathname)) return false;
  return !(request.method === "POST" && request.headers.has("next-action"));
}

export const config = {
  // The files in public/ pass through too, for the security headers (nosniff; a CSP on the SVG).
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
