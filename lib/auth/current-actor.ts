import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { UnauthenticatedError } from "../data/errors";
import { findActor } from "../data/login";
import type { Actor } from "../data/permissions";
import { authOptions } from "./options";

/** The signed-in actor, re-read from the database on every request, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? findActor(session.user.id, new Date(session.user.signedInAt ?? 0)) : null;
}

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
