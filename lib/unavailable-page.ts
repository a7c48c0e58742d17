// The page the proxy sends, with status 503, while the database cannot be reached. Plain HTML with
// its own styles (no scripts, no database): it must render when nothing else can.

export const RETRY_AFTER_SECONDS = 30;

export function unavailablePage(options: { formWasSent: boolean }): string {
  const form = options.formWasSent
    ? `<p><strong>What you sent has not been saved.</strong> Go back to find what you entered, then try again in a few minutes.</p>`
    : `<p>Please try again in a few minutes.</p>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sorry, the service is unavailable – Patient Safety Collaboratives</title>
<style>
  body { margin: 0; font-family: Arial, sans-serif; font-size: 19px; line-height: 1.5; color: #212b32; background: #f0f4f5; }
  header { background: #005eb8; color: #fff; padding: 16px; font-weight: bold; font-size: 20px; }
  main { max-width: 960px; margin: 0 auto; padding: 40px 16px; }
  h1 { font-size: 32px; line-height: 1.2; margin: 0 0 24px; }
  a { color: #005eb8; }
  a:focus { background: #ffeb3b; color: #212b32; outline: 4px solid transparent; box-shadow: 0 4px #212b32; text-decoration: none; }
</style>
</head>
<body>
<header>Patient Safety Collaboratives</header>
<main id="main-content">
<h1>Sorry, the service is unavailable</h1>
${form}
<p>If you need medical help urgently, call 999. For other health advice, call 111 or go to <a href="https://111.nhs.uk">111.nhs.uk</a>.</p>
<p><a href="/">Try the home page</a></p>
</main>
</body>
</html>
`;
}
