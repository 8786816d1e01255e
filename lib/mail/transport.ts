import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";

export type OutgoingMail = { to: string; subject: string; text: string; html: string };

// A slow or unreachable mail server must not hold a request or a connection for minutes.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * The SMTP transport from the configuration, or null when no mail server is set up.
 * Made per delivery: it holds no connection between messages, and a changed setting
 * costs nothing to set up.
 */
export function mailTransport(): Transporter | null {
  const { SMTP_URL, SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE } = config();
  if (SMTP_URL) return nodemailer.createTransport(SMTP_URL, timeouts);
  if (!SMTP_HOST) return null;
  return nodemailer.createTransport({
    host: SMTP_HOST,
    port: SMTP_PORT,
    secure: SMTP_SECURE,
    auth: SMTP_USER ? { user: SMTP_USER, pass: SMTP_PASSWORD ?? "" } : undefined,
    ...timeouts,
  });
}

export async function sendOverSmtp(transporter: Transporter, mail: OutgoingMail): Promise<void> {
  await transporter.sendMail({ from: config().MAIL_FROM, ...mail });
}
