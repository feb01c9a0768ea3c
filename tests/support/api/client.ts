import { createApiToken } from "../../../lib/data/api-tokens";
import type { Actor } from "../../../lib/data/permissions";

// Calls /api/v1 as Next would (through the catch-all route's handlers) with a real token made by
// the data layer, for the API's integration tests and its authorization matrix.

const BASE = "http://rapport.test/api/v1";
type Handler = (request: Request) => Promise<Response>;

export async function tokenFor(actor: Actor, options: { scope?: "READ" | "WRITE"; expiresInDays?: number; now?: Date } = {}): Promise<{ id: string; secret: string }> {
  const made = await createApiToken(actor, { name: `Test ${crypto.randomUUID().slice(0, 8)}`, scope: options.scope ?? "WRITE", expiresInDays: options.expiresInDays ?? 30 }, options.now);
  return { id: made.token.id, secret: made.secret };
}

export interface ApiCall {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function callApi(method: string, path: string, call: ApiCall = {}): Promise<Response> {
  const route = (await import("../../../app/api/v1/[...path]/route")) as unknown as Record<string, Handler>;
  const handler = route[method];
  if (!handler) throw new Error(`the catch-all route exports no ${method}`);
  const headers: Record<string, string> = { ...(call.token && { authorization: `Bearer ${call.token}` }), ...call.headers };
  if (call.body !== undefined) headers["content-type"] ??= "application/json";
  const body = call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body);
  return handler(new Request(`${BASE}${path}`, { method, headers, body }));
}

/** The status and parsed JSON body of a call. */
export async function api<T = Record<string, unknown>>(method: string, path: string, call: ApiCall = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await callApi(method, path, call);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
