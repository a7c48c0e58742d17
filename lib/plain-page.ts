// Pages the proxy sends itself, before Next.js renders anything: plain HTML with its own styles (no
// scripts, no database), so they render when nothing else can. Text passed in is trusted markup.

export function plainPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – Patient Safety Collaboratives</title>
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
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}
