// The production server's V8 heap limit, per `next start` process (npm start runs one per core:
// lib/cli/web-server.ts; its workers inherit NODE_OPTIONS), set by `npm start` and by the test and
// benchmark harness (tests/fixtures/portal-process.ts), so both run the server the same way.
//
// Without a limit, V8 sizes the heap from the machine's memory (about 4 GB on 24 GiB) and, with that
// much room, lets the heap grow to up to four times the live data before a full collection: in the
// soak (`npm run bench -- soak`, 20 clients) the server's resident memory climbed from about 250 to
// 600–700 MB while the live heap after each full collection stayed near 100 MB — heap sizing, not a
// leak. Under about 2 GB V8 grows the heap by a smaller factor (1.3–2×), so resident memory levels
// off near what the portal uses. 768 MB leaves six times the live heap measured in the soak for
// heavier pages (national dashboards at scale) before the limit itself matters.
export const SERVER_HEAP_LIMIT_MB = 768;

/** NODE_OPTIONS for the server process: the given options plus the heap limit, unless one is set. */
export function serverNodeOptions(existing: string | undefined): string {
  const options = (existing ?? "").trim();
  if (/--max-old-space-size[= ]/.test(options)) return options;
  return `${options} --max-old-space-size=${SERVER_HEAP_LIMIT_MB}`.trim();
}
