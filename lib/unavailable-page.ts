// The page the proxy sends, with status 503, while the database cannot be reached (see lib/plain-page.ts).
import { plainPage } from "./plain-page";

export const RETRY_AFTER_SECONDS = 30;

export function unavailablePage(options: { formWasSent: boolean }): string {
  const form = options.formWasSent
    ? `<p><strong>What you sent has not been saved.</strong> Go back to find what you entered, then try again in a few minutes.</p>`
    : `<p>Please try again in a few minutes.</p>`;
  return plainPage(
    "Sorry, the service is unavailable",
    `${form}
<p>If you need medical help urgently, call 999. For other health advice, call 111 or go to <a href="https://111.nhs.uk">111.nhs.uk</a>.</p>
<p><a href="/">Try the home page</a></p>`,
  );
}
