// The files in public/, served as they are by Next. The proxy lets them through without asking for
// the database; tests/unit/plumbing/public-files.test.ts checks this list against the folder.
export const PUBLIC_FILES: ReadonlySet<string> = new Set([
  "/favicon.ico",
  "/icon.svg",
  "/icon-192.png",
  "/icon-512.png",
  "/apple-touch-icon.png",
  "/manifest.webmanifest",
  "/robots.txt",
  "/.well-known/security.txt",
]);
