// Email the demo server sent during the browser tests: tests/e2e/server.ts runs a real SMTP server
// for it and writes every accepted message to this spool directory, one .eml file each, named so
// that they sort by arrival.
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";

/** The spool: E2E_MAIL_SPOOL, else one per E2E_PORT in the temporary directory. */
export const mailSpoolDir = (): string => process.env.E2E_MAIL_SPOOL ?? path.join(tmpdir(), `rapport-e2e-mail-${process.env.E2E_PORT ?? "3100"}`);

export interface SpooledMail {
  file: string;
  parsed: ParsedMail;
  /** The first /r/<token> link in the text part. */
  ratingLink: string | null;
}

const recipients = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((group) => group.value.map((entry) => (entry.address ?? "").toLowerCase()));

/**
 * The newest message to `address` (that arrived after `after`, a file name from an earlier call,
 * if given), waiting up to `timeoutMs` for one: delivery runs within a minute of queuing.
 */
export async function newestMailTo(address: string, { after, timeoutMs = 90_000 }: { after?: string; timeoutMs?: number } = {}): Promise<SpooledMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = readdirSync(mailSpoolDir())
      .filter((file) => file.endsWith(".eml") && (!after || file > after))
      .sort()
      .reverse();
    for (const file of files) {
      const parsed = await simpleParser(readFileSync(path.join(mailSpoolDir(), file)));
      if (recipients(parsed).includes(address.toLowerCase())) {
        return { file, parsed, ratingLink: /https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/.exec(parsed.text ?? "")?.[0] ?? null };
      }
    }
    if (Date.now() > deadline) throw new Error(`no email to ${address} arrived within ${timeoutMs / 1000} s (spool ${mailSpoolDir()})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
