import { GENERIC_FAILURE } from "../../../lib/actions/form-action";

// Runs a server action, page or route handler as Next would and says what the caller got, in
// the inventory's terms (plus "refused": a message that is not about signing in or a missing
// record, "invalid": field errors, "crash": an error that would reach Next as a 500).

export type Fields = Record<string, string | string[] | File>;
export type Got = "allowed" | "login" | "not-found" | "refused" | "invalid" | "crash";

export function formOf(fields: Fields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

/** Where a redirect() or notFound() thrown by Next's helpers was going, or null for any other error. */
export function nextNavigation(error: unknown): { redirect: string } | { notFound: true } | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] ?? "" };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404" || digest === "NEXT_NOT_FOUND") return { notFound: true };
  return null;
}

const NOT_FOUND = /^That .+ was not found\.$/;

function classifyAnswer(answer: unknown): Got {
  if (answer === undefined) return "allowed";
  const state = answer as { status?: string; error?: Record<string, string[] | null> | null; message?: string };
  if (state.status === "success" || state.status === "imported" || state.status === "bad-rows") return "allowed";
  const formErrors = state.error?.[""] ?? (state.message ? [state.message] : []);
  const fieldErrors = Object.entries(state.error ?? {}).filter(([key, value]) => key !== "" && value && value.length > 0);
  const message = formErrors[0];
  if (message === "Please sign in.") return "login";
  if (message === GENERIC_FAILURE) return "crash";
  if (message && NOT_FOUND.test(message)) return "not-found";
  if (fieldErrors.length > 0) return "invalid";
  if (message) return "refused";
  // Conform echoes the form without a status when a button asked to add or remove a row.
  return "invalid";
}

export interface ActionRun {
  got: Got;
  answer: unknown;
  redirectedTo?: string;
  thrown?: unknown;
}

type AnyAction = (...args: never[]) => Promise<unknown>;

/** Calls a server action the way its form would: `(previous, formData)`, or `(formData)` for a plain form action. */
export async function runAction(action: AnyAction, data: FormData): Promise<ActionRun> {
  const call = action as unknown as (...args: unknown[]) => Promise<unknown>;
  try {
    const answer = action.length === 1 ? await call(data) : await call(undefined, data);
    const got = classifyAnswer(answer);
    return { got, answer };
  } catch (error) {
    const nav = nextNavigation(error);
    if (nav && "redirect" in nav) {
      // An action redirects only once it has done its work (signing out after a password change, too).
      return { got: "allowed", answer: undefined, redirectedTo: nav.redirect };
    }
    return { got: "crash", answer: undefined, thrown: error };
  }
}

/** What a route handler's response means. */
export function classifyStatus(status: number): Got {
  if (status >= 500) return "crash";
  if (status === 401) return "login";
  if (status === 404) return "not-found";
  if (status === 403 || status === 429) return "refused";
  if (status === 400 || status === 405 || status === 409 || status === 413 || status === 415 || status === 422) return "invalid";
  return "allowed";
}
