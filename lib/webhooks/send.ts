import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockedAddressError, guardedLookup, literalAddressBlocked } from "./url-safety";

// One POST of a delivery. Plain node:http rather than fetch, for its `lookup` hook (the address
// check at connection time, url-safety.ts). Redirects are not followed (a 3xx counts as a failure:
// a receiver that moved is re-subscribed, not chased), and only the start of the answer is read.

export const RESPONSE_BODY_CHARS = 1000;
const MAX_READ_BYTES = 64 * 1024;
export const SEND_TIMEOUT_MS = 10_000;

export interface SendOutcome {
  /** 2xx. */
  ok: boolean;
  /** The receiver's status code; null when no answer came (refused, timed out, blocked). */
  status: number | null;
  /** The start of the answer's body. */
  body: string | null;
  /** Why it failed, in words for the admin page. */
  error: string | null;
}

export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  { allowPrivate, timeoutMs = SEND_TIMEOUT_MS }: { allowPrivate: boolean; timeoutMs?: number },
): Promise<SendOutcome> {
  const url = new URL(target);
  if (url.protocol !== "https:" && url.protocol !== "http:") return Promise.resolve(failed(`the URL's scheme ${url.protocol} is not http or https`));
  if (literalAddressBlocked(url, allowPrivate)) return Promise.resolve(failed(new BlockedAddressError(url.hostname).message));
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowPrivate),
        // A connection per attempt: a kept-alive socket the receiver closed meanwhile would fail a good delivery.
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () => {
          const text = Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_BODY_CHARS);
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve({ ok, status, body: text, error: ok ? null : `the receiver answered ${status}` });
        };
        res.on("data", (chunk: Buffer) => {
          if (read >= MAX_READ_BYTES) return;
          chunks.push(chunk);
          read += chunk.length;
          // Enough to show: the rest is not waited for.
          if (read >= MAX_READ_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on("end", finish);
        res.on("error", () => finish());
      },
    );
    req.on("error", (error: Error & { code?: string }) => {
      const reason = error.name === "AbortError" || error.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : error instanceof BlockedAddressError ? error.message : `${error.code ?? error.name}: ${error.message}`;
      resolve(failed(reason));
    });
    req.end(body);
  });
}

const failed = (error: string): SendOutcome => ({ ok: false, status: null, body: null, error: error.slice(0, 500) });
