import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type CapturedMail = {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** The RFC 8058 headers as sent (notifications carry them; security emails never do). */
  listUnsubscribe?: string | null;
  listUnsubscribePost?: string | null;
  receivedAt: string;
};

function headerLine(lines: readonly { key: string; line: string }[], key: string): string | null {
  const found = lines.find((h) => h.key === key)?.line;
  return found
    ? found
        .slice(found.indexOf(":") + 1)
        .replace(/\r?\n\s+/g, " ")
        .trim()
    : null;
}

/**
 * A local SMTP server for development and tests: mail goes through real SMTP (nodemailer) and is
 * written as JSON files into `dir`, where tests and the /dev/mail page read it. Nothing leaves the machine.
 */
export async function startMailCapture(options: { dir: string; port: number; host?: string }) {
  mkdirSync(options.dir, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const receivedAt = new Date();
          const id = `${receivedAt.getTime()}-${process.pid}-${++sequence}`;
          const toField = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
          const mail: CapturedMail = {
            id,
            to: toField.flatMap((a) => a.value.map((v) => v.address ?? "")),
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            listUnsubscribe: headerLine(parsed.headerLines, "list-unsubscribe"),
            listUnsubscribePost: headerLine(parsed.headerLines, "list-unsubscribe-post"),
            receivedAt: receivedAt.toISOString(),
          };
          writeFileSync(join(options.dir, `${id}.json`), JSON.stringify(mail, null, 2));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://${options.host ?? "127.0.0.1"}:${options.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
