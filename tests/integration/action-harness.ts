import type { FormState } from "../../lib/actions/form-action";
import { decodeFlash, FLASH_COOKIE } from "../../lib/actions/flash-cookie";
import { UnauthenticatedError } from "../../lib/data/errors";
import type { Actor } from "../../lib/data/permissions";

// For tests that run server actions for real against the database. The session and the request's
// cookies are the one thing faked; a test file wires them in with
//   vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
//   vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
//   vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// and sets `session.actor` to sign someone in.

export const session = { actor: null as Actor | null };
/** The request's cookies: formAction leaves a redirect's notice in one. */
const jar = new Map<string, string>();

export const currentActorModule = () => ({
  currentActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new UnauthenticatedError();
    return session.actor;
  },
});

export const headersModule = () => ({
  cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
});

/** Signs `actor` in (null: nobody), with no cookies left from the last test. */
export function signIn(actor: Actor | null): void {
  session.actor = actor;
  jar.clear();
}

/** The notice an action left for the page it redirected to (a stay-on-page notice is in its answer). */
export const notice = () => decodeFlash(jar.get(FLASH_COOKIE) ?? "");

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

type Action = (previous: undefined, formData: FormData) => Promise<FormState>;

export const submit = (action: Action, fields: Record<string, string>) => action(undefined, form(fields));

/** The form-level error (not found, sign in, …). */
export const formError = (state: FormState) => state.error?.[""];
