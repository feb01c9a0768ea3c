import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { UnauthenticatedError } from "../data/errors";
import type { Actor } from "../data/permissions";
import { findActor } from "../data/sessions";
import { env } from "../env";
import { authSecret } from "./secret";

// next-auth's cookie names: the __Secure- prefix when the site is served over https (next-auth's own rule).
const cookieName = () => (env().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token");

/** The session id in the request's signed cookie, or null (no cookie, forged, or expired); findActor says whether it is live. */
export async function sessionIdFromCookie(): Promise<string | null> {
  const value = (await cookies()).get(cookieName())?.value;
  if (!value) return null;
  try {
    return (await decode({ token: value, secret: authSecret() }))?.sid ?? null;
  } catch {
    return null; // not made with our secret
  }
}

/**
 * The signed-in actor, re-read with their session from the database on every request, or null.
 * Once per request: a page, its layout and its widgets all ask (React's cache() is scoped to one
 * server render, so the next request reads the session again; outside a render it does not memoise).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const sessionId = await sessionIdFromCookie();
  return sessionId ? findActor(sessionId) : null;
});

/** For pages: anonymous visitors go to the login page. */
export async function requireActorOrRedirect(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For actions and route handlers: anonymous callers get a 401. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
