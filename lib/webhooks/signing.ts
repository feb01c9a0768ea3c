import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// Standard Webhooks signatures (https://www.standardwebhooks.com), made by the `standardwebhooks`
// package, so receivers verify with any of its libraries: HMAC-SHA256 over `id.timestamp.body`
// with the subscription's secret, sent as `webhook-id`, `webhook-timestamp`, `webhook-signature`.

/** A new signing secret: `whsec_` and 32 random bytes in base64, as the scheme writes them. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The headers of one attempt: the id stays the same across retries (receivers dedupe on it); the timestamp is the attempt's. */
export function signedHeaders(secret: string, { id, at, body }: { id: string; at: Date; body: string }): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Rapport-Webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}
