import "server-only";
import { z } from "zod";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../../db/errors";
import { logUnexpected } from "../../log";
import { fieldErrorsOf } from "../../validation/errors";
import { tokenPrincipal } from "./auth";
import { ApiError, type ErrorBody, fromDataError } from "./errors";
import { parseKey, releaseKey, requestHash, reserveKey, storeAnswer } from "./idempotency";
import { addressLimitKey, apiLimiters, consume, tokenLimitKey } from "./limits";
import { isCreate, type Operation, successStatus } from "./operation";
import { operations } from "./registry";
import { createRouter } from "./router";

// The one way into /api/v1 (decision 029), in this order: the address's rate limit, the token
// (401), the token's rate limit (429), the operation (404/405), the token's scope (403), params
// (404), query (400), body (415/400/422), the Idempotency-Key of a create (replay/409/422), the
// handler (the data layer's checks: 403/404/409), and the answer parsed through its schema.

export const API_PREFIX = "/api/v1";
const find = createRouter(operations);
const emptyObject = z.object({});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });

const errorResponse = (error: ApiError) => json(error.status, error.body(), error.headers);

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, fail: (error: z.ZodError) => ApiError): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fail(parsed.error);
  return parsed.data;
}

async function readBody(request: Request, operation: Operation): Promise<unknown> {
  if (!operation.body) return undefined;
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new ApiError(415, "unsupported_media_type", "Send the request body as JSON, with Content-Type: application/json.");
  }
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "invalid_request", "The request body is not valid JSON.");
  }
}

/** Runs the matched operation for the token's user; the answer's JSON, parsed through the response schema. */
async function run(operation: Operation, request: Request, rawParams: Record<string, string>, actor: Parameters<Operation["handler"]>[0]["actor"]) {
  const url = new URL(request.url);
  const params = parseOrThrow(operation.params ?? emptyObject, rawParams, () => new ApiError(404, "not_found", "That record was not found."));
  const query = parseOrThrow(operation.query ?? emptyObject, Object.fromEntries(url.searchParams), (error) => new ApiError(400, "invalid_request", "The query is not valid.", fieldErrorsOf(error)));
  const raw = await readBody(request, operation);
  const body = operation.body ? parseOrThrow(operation.body, raw, (error) => new ApiError(422, "validation_failed", "The request body is not valid.", fieldErrorsOf(error))) : undefined;
  const result = await operation.handler({ actor, params, query, body });
  // Dates become ISO strings here; the schema then drops any field it does not name.
  const wire = JSON.parse(JSON.stringify(result ?? null)) as unknown;
  const parsed = operation.response.safeParse(wire);
  if (!parsed.success) throw new Error(`${operation.id}: the answer does not match its schema: ${parsed.error.message}`);
  return { status: successStatus(operation), body: parsed.data as unknown };
}

export async function dispatch(request: Request, path: string): Promise<Response> {
  let context = `api ${request.method} ${path}`;
  try {
    const limiters = apiLimiters();
    await consume(limiters.address, addressLimitKey(request.headers), "address");
    const principal = await tokenPrincipal(request.headers);
    await consume(limiters.token, tokenLimitKey(principal.token.id), "token");

    const found = find(request.method, path);
    if (!found) throw new ApiError(404, "not_found", `There is no ${API_PREFIX}${path}: see ${API_PREFIX}/openapi.json.`);
    if ("allowed" in found) throw new ApiError(405, "method_not_allowed", `${API_PREFIX}${path} does not accept ${request.method}.`, undefined, { allow: found.allowed.join(", ") });
    const { operation } = found;
    context = `api ${operation.id}`;
    if (operation.scope === "write" && principal.token.scope !== "WRITE") {
      throw new ApiError(403, "insufficient_scope", "This token may only read: make a token with the read and write scope to change data.");
    }

    const key = isCreate(operation) ? parseKey(request.headers.get("idempotency-key")) : null;
    if (!key) {
      const answer = await run(operation, request, found.params, principal.actor);
      return json(answer.status, answer.body);
    }
    // The body is read twice (hash, then run): clone before the first read.
    const hash = requestHash(operation.id, path, await request.clone().text());
    const stored = await reserveKey(principal.token.id, key, operation.id, hash);
    if (stored) return json(stored.status, stored.body, { "idempotent-replayed": "true" });
    try {
      const answer = await run(operation, request, found.params, principal.actor);
      await storeAnswer(principal.token.id, key, answer);
      return json(answer.status, answer.body);
    } catch (error) {
      await releaseKey(principal.token.id, key).catch((release: unknown) => logUnexpected(`${context}: releasing the idempotency key`, release));
      throw error;
    }
  } catch (error) {
    const known = fromDataError(error);
    if (known) return errorResponse(known);
    logUnexpected(context, error);
    if (isDatabaseUnavailable(error)) {
      return json(503, { error: { code: "unavailable", message: "The service is briefly unavailable: try again in a few seconds." } } satisfies ErrorBody, { "retry-after": String(RETRY_AFTER_SECONDS) });
    }
    return json(500, { error: { code: "internal", message: "Something went wrong on our side." } } satisfies ErrorBody);
  }
}
