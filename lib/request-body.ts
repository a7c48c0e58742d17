/**
 * Request bodies no browser sends, refused by the proxy before Next.js parses them. Next answers a form
 * post it cannot parse (a boundary that does not match, a truncated or random body, a part with no name,
 * a body over the server-action limit, a JSON object or random text sent to an action) by throwing, which reaches the
 * client as a bare 500. Checked here with the same parser Next uses (undici's FormData), such a request
 * gets 400 or 413 and the portal's own page, and no action runs.
 */
import { plainPage } from "./plain-page";

/** The server-action body limit: next.config.js serverActions.bodySizeLimit ("5mb") says the same. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 413; reason: string };

const OK: BodyVerdict = { ok: true };
const refuse = (status: 400 | 413, reason: string): BodyVerdict => ({ ok: false, status, reason });

// RFC 2046: 1 to 70 characters from this set, not ending in a space; optionally quoted.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The boundary of a multipart Content-Type, or null when it has none that RFC 2046 allows. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match ? (match[1] ?? match[2] ?? "") : "";
  return BOUNDARY.test(boundary) ? boundary : null;
}

/**
 * What the headers alone settle: the size, and whether a body of this type may go to an action. The
 * page's JavaScript posts an action's arguments as multipart form data, or as text (a JSON array) when
 * the action takes no arguments; a browser without JavaScript posts forms as multipart.
 */
export function checkHeaders(method: string, headers: Headers): BodyVerdict | "read-multipart" | "read-arguments" {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return OK;
  const length = headers.get("content-length");
  if (length !== null && Number(length) > BODY_LIMIT_BYTES) return refuse(413, "too large");
  const contentType = headers.get("content-type") ?? "";
  const multipart = /^\s*multipart\/form-data\s*(;|$)/i.test(contentType);
  if (headers.has("next-action") && !multipart) {
    return /^\s*text\/plain\s*(;|$)/i.test(contentType) ? "read-arguments" : refuse(400, "not an action's body");
  }
  if (!multipart) return OK;
  return multipartBoundary(contentType) === null ? refuse(400, "no boundary") : "read-multipart";
}

/** Reads at most BODY_LIMIT_BYTES of the body; null when there is more. */
async function readLimited(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A multipart body must parse whole, and name every part without control characters. */
export async function checkMultipart(contentType: string, bytes: Uint8Array<ArrayBuffer>): Promise<BodyVerdict> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return refuse(400, "unreadable form");
  }
  for (const name of form.keys()) {
    if (/\p{Cc}/u.test(name)) return refuse(400, "control character in a field name");
  }
  return OK;
}

/** An action's arguments sent as text: UTF-8 JSON holding an array, as React encodes them. */
export function checkArguments(bytes: Uint8Array<ArrayBuffer>): BodyVerdict {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return Array.isArray(parsed) ? OK : refuse(400, "arguments are not a list");
  } catch {
    return refuse(400, "unreadable arguments");
  }
}

/** The whole check, for the proxy: the request's body is a copy Next keeps for the page. */
export async function checkRequestBody(request: Request): Promise<BodyVerdict> {
  const first = checkHeaders(request.method, request.headers);
  if (first !== "read-multipart" && first !== "read-arguments") return first;
  const bytes = await readLimited(request.body);
  if (!bytes) return refuse(413, "too large");
  return first === "read-arguments"
    ? checkArguments(bytes)
    : checkMultipart(request.headers.get("content-type") ?? "", bytes);
}

export function rejectedBodyPage(status: 400 | 413): string {
  return status === 413
    ? plainPage(
        "Sorry, what was sent is too large",
        `<p>The portal accepts up to 5 MB at a time. Nothing has been saved.</p>
<p>If you were uploading a file, split it into smaller files and upload each one. If you were typing, go back, shorten what you wrote, and send it again.</p>
<p><a href="/">Go to the home page</a></p>`,
      )
    : plainPage(
        "Sorry, we could not accept what was sent",
        `<p>What reached us was incomplete or not in the form's format, so nothing has been saved.</p>
<p>Go back, check the form, and send it again. If this keeps happening, try another browser.</p>
<p><a href="/">Go to the home page</a></p>`,
      );
}
