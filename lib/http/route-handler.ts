import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireActor } from "../auth/current-actor";
import { InputConflictError, isExpectedError, NotFoundError } from "../data/errors";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/errors";
import type { Actor } from "../data/permissions";
import { logUnexpected } from "../log";
import { fieldErrorsOf } from "../validation/errors";

interface Spec<P extends z.ZodType, B extends z.ZodType> {
  name: string;
  /** Route params; a param that fails its schema cannot name a record, so it answers 404. */
  params: P;
  body?: B;
}

type Context = { params?: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every route handler goes through: session, zod validation of params and body,
 * named errors to status codes, and no stack trace or database text in any response.
 */
export function routeHandler<P extends z.ZodType, B extends z.ZodType = z.ZodUndefined>(
  spec: Spec<P, B>,
  handler: (args: { actor: Actor; params: z.infer<P>; body: z.infer<B> }) => Promise<unknown>,
) {
  return async (request: Request, context: Context): Promise<NextResponse> => {
    try {
      const actor = await requireActor();
      // Routes without dynamic segments get no params object.
      const params = spec.params.safeParse((await context.params) ?? {});
      if (!params.success) throw new NotFoundError();
      let body: unknown = undefined;
      if (spec.body) {
        // JSON only: a cross-site form can post text/plain without a preflight.
        if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
          return NextResponse.json({ error: "Send the request body as application/json." }, { status: 415 });
        }
        const json = await request.json().catch(() => Symbol.for("invalid"));
        const parsed = spec.body.safeParse(json);
        if (!parsed.success) {
          return NextResponse.json({ error: "The request is not valid.", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
        }
        body = parsed.data;
      }
      const result = await handler({ actor, params: params.data, body: body as z.infer<B> });
      return NextResponse.json(result ?? { ok: true });
    } catch (error) {
      if (isExpectedError(error)) {
        const fieldErrors = error instanceof InputConflictError ? error.fieldErrors : undefined;
        return NextResponse.json({ error: error.message, fieldErrors }, { status: error.status });
      }
      logUnexpected(`route ${spec.name}`, error);
      if (isDatabaseUnavailable(error)) return serviceUnavailable();
      return NextResponse.json({ error: "Something went wrong on our side." }, { status: 500 });
    }
  };
}

/**
 * The database is away (restarting, unreachable): the same request may be sent again after
 * Retry-After seconds. A write cut off mid-commit may have landed, so a retried write must carry
 * its idempotency key (as a rating does) to be stored once.
 */
export function serviceUnavailable(body: object = { error: "The service is briefly unavailable. Please try again in a few seconds." }): NextResponse {
  return NextResponse.json(body, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" } });
}
