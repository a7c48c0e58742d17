import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

let transport: nodemailer.Transporter | undefined;

function getTransport() {
  const url = env().SMTP_URL;
  if (!url) throw new Error("Configuration error: SMTP_URL is not set, so the portal cannot send email.");
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export type Email = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers: notifications add List-Unsubscribe and List-Unsubscribe-Post (lib/notifications). */
  headers?: Record<string, string>;
};

/** Plain-text email: readable in every client and by screen readers, and nothing to sanitise. */
export async function sendEmail(email: Email) {
  await getTransport().sendMail({ from: env().MAIL_FROM, ...email });
}
