import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { listCapturedMail } from "@/lib/mail/captured";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Captured email (development)" };

// Only when mail goes to the local capture (npm start without SMTP_URL), and only on this machine:
// these messages hold sign-in and reset links.
export default async function CapturedMailPage() {
  const dir = env().MAIL_CAPTURE_DIR;
  const host = (await headers()).get("host") ?? "";
  if (!dir || !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host)) notFound();
  const messages = listCapturedMail(dir).slice(0, 50);
  return (
    <>
      <h1>Captured email</h1>
      <p>Email sent by this development copy of the portal is kept here instead of being delivered. Newest first.</p>
      {messages.length === 0 && <p>No email has been sent yet.</p>}
      {messages.map((m) => (
        <article key={m.id} className="mb-6 bg-white p-4">
          <h2 className="text-xl">{m.subject}</h2>
          <p className="text-base text-nhs-secondary-text">
            To {m.to.join(", ")} · {formatDateTime(new Date(m.receivedAt))}
          </p>
          <pre className="whitespace-pre-wrap break-words font-sans text-base">{m.text}</pre>
        </article>
      ))}
    </>
  );
}
