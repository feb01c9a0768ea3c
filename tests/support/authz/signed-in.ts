import { createRequire } from "node:module";
import { redirect } from "next/navigation";
import { UnauthenticatedError } from "../../../lib/data/errors";
import { startSession } from "../../../lib/data/sessions";
import type { Actor } from "../../../lib/data/permissions";

// For suites that call pages, server actions and route handlers directly: the session and the
// request's cookies and headers are the one thing faked. A test file wires them in with
//   vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
//   vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
//   vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

export const session = { actor: null as Actor | null };
const jar = new Map<string, string>();
/** Each signed-in user's session row (pages and actions about "your sessions" read it). */
const sessionRows = new Map<string, Promise<string>>();

export const currentActorModule = () => ({
  currentActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new UnauthenticatedError();
    return session.actor;
  },
  sessionIdFromCookie: async () => {
    const actor = session.actor;
    if (!actor) return null;
    if (!sessionRows.has(actor.id)) sessionRows.set(actor.id, startSession(actor.id));
    return sessionRows.get(actor.id) as Promise<string>;
  },
  requireActorOrRedirect: async () => {
    if (!session.actor) redirect("/login");
    return session.actor;
  },
});

export const headersModule = () => ({
  cookies: async () => ({
    set: (name: string, value: string) => jar.set(name, value),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    delete: (name: string) => jar.delete(name),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", host: "rapport.test" }),
});

/** Signs `actor` in (null: nobody), with no cookies left from the last call. */
export function signIn(actor: Actor | null): void {
  session.actor = actor;
  jar.clear();
}

/**
 * vi.mock reaches the app's imports, not a package's own `require("next/headers")` (next-auth's):
 * the same fakes are put on the CommonJS module that such a package loads.
 */
export function fakeHeadersForPackages(): void {
  Object.assign(createRequire(import.meta.url)("next/headers") as object, headersModule());
}
