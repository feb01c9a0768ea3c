import nodemailer from "nodemailer";
import { env } from "../env";

/** One email ready to hand to a transport (rendered at send time: the link's token is never stored). */
export interface OutgoingEmail {
  from: { name: string; address: string };
  replyTo?: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Files sent with it (a monthly report's PDF); the development mailbox keeps none. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface MailTransport {
  /** What EmailMessage.transport records: "smtp", or "mailbox" (the development mailbox). */
  readonly name: "smtp" | "mailbox";
  /** Resolves with the server's Message-ID once the message was accepted; rejects otherwise. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/** Sends through an SMTP server (nodemailer). Timeouts stay well under the 10-minute "stuck" limit. */
export function smtpTransport(options: { host: string; port?: number; secure?: boolean; user?: string; password?: string }): MailTransport {
  const secure = options.secure ?? options.port === 465;
  const transporter = nodemailer.createTransport({
    host: options.host,
    port: options.port ?? (secure ? 465 : 587),
    secure,
    auth: options.user ? { user: options.user, pass: options.password ?? "" } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    name: "smtp",
    send: async (email) => {
      const info = await transporter.sendMail({
        from: email.from,
        to: email.to,
        replyTo: email.replyTo,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        attachments: email.attachments,
      });
      return { messageId: info.messageId };
    },
  };
}

/**
 * The development mailbox: nothing leaves the machine. The row is marked SENT with transport
 * "mailbox", and /admin/mailbox renders it again when an administrator opens it.
 */
export const mailboxTransport: MailTransport = {
  name: "mailbox",
  send: async () => ({ messageId: `<${crypto.randomUUID()}@mailbox.rapport>` }),
};

/** SMTP when SMTP_HOST is set, else the development mailbox. */
export function configuredTransport(): MailTransport {
  const { SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD } = env();
  if (!SMTP_HOST) return mailboxTransport;
  return smtpTransport({ host: SMTP_HOST, port: SMTP_PORT, secure: SMTP_SECURE, user: SMTP_USER, password: SMTP_PASSWORD });
}
