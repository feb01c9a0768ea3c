import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/secret";

// Links in emails carry tokens derived from the app secret, so the database alone (a backup, a
// read replica) never holds a usable link: it stores a random salt per invitation and the token's
// SHA-256 hash for lookup. The sender re-derives the token when it renders an email (a reminder
// carries the same link). Rotating the secret invalidates every outstanding link. Server-side
// (it reads the secret), but without the "server-only" marker, like lib/auth/secret.ts, so the
// seed, a plain script, can store the demo's link hashes.

const key = (purpose: string) => Buffer.from(hkdfSync("sha256", authSecret(), "rapport", purpose, 32));

const mac = (purpose: string, message: string) => createHmac("sha256", key(purpose)).update(message).digest("base64url");

/** A fresh salt for a new invitation. */
export const newTokenSalt = (): string => randomBytes(16).toString("base64url");

/** The token in an invitation's link (43 URL-safe characters, 256 bits). */
export const invitationToken = (invitationId: string, salt: string): string => mac("invitation-link", `${invitationId}.${salt}`);

/** What is stored and looked up: the token itself is never stored. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** A contact's unsubscribe token: verifiable without storage, `<contactId>.<mac>`. */
export const unsubscribeToken = (contactId: string): string => `${contactId}.${mac("unsubscribe", contactId)}`;

/** The contact id an unsubscribe token names, or null if it was not made by this app. */
export function verifyUnsubscribeToken(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const contactId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac("unsubscribe", contactId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? contactId : null;
}
