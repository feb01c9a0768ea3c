// A real SMTP server for tests (smtp-server on a free port), collecting what it accepts parsed
// with mailparser. It can refuse the next N messages with a 4xx (try later) or 5xx (refused) reply.
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  from: string;
  parsed: ParsedMail;
  /** The raw message as it arrived. */
  raw: string;
  receivedAt: Date;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  received: ReceivedMail[];
  /** Refuses the next `count` messages with this reply code (e.g. 451 or 550). */
  failNext(count: number, code?: number, message?: string): void;
  /** Resolves once at least `count` messages arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Called with every accepted message (after it is parsed and stored). */
  onMessage?: (mail: ReceivedMail) => void | Promise<void>;
  close(): Promise<void>;
}

export const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((entry) => entry.address ?? ""));

export async function startSmtpServer({ host = "127.0.0.1", port = 0 }: { host?: string; port?: number } = {}): Promise<TestSmtpServer> {
  let failures: { count: number; code: number; message: string } = { count: 0, code: 451, message: "Try again later" };
  const state: TestSmtpServer = {
    host,
    port: 0,
    received: [],
    failNext(count, code = 451, message = code >= 500 ? "Mailbox unavailable" : "Try again later") {
      failures = { count, code, message };
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, received ${state.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return state.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures.count > 0) {
          failures.count--;
          const error = Object.assign(new Error(failures.message), { responseCode: failures.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          async (parsed) => {
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              parsed,
              raw,
              receivedAt: new Date(),
            };
            state.received.push(mail);
            await state.onMessage?.(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  state.port = typeof address === "object" && address ? address.port : 0;
  return state;
}
