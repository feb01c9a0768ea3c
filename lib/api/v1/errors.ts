import { z } from "zod";
import { InputConflictError, isExpectedError } from "../../data/errors";
import type { FieldErrors } from "../../validation/errors";

// The one error body of /api/v1 (decision 029): a stable machine-readable code, a sentence for
// people, and the fields at fault. Never a stack, a SQL text or a record the caller may not know.

export const ERROR_CODES = [
  "invalid_request",
  "unauthenticated",
  "forbidden",
  "insufficient_scope",
  "not_found",
  "method_not_allowed",
  "conflict",
  "unsupported_media_type",
  "validation_failed",
  "idempotency_key_reused",
  "rate_limited",
  "unavailable",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Messages per field, keyed by the field's dotted path (\"quotes.0.text\")." }),
    }),
  })
  .meta({ id: "Error", description: "Every error answer of /api/v1." });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An error the framework answers with as it is; handlers may throw it too. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fieldErrors && { fieldErrors: this.fieldErrors }) } };
  }
}

const codeOfStatus: Record<number, ErrorCode> = { 401: "unauthenticated", 403: "forbidden", 404: "not_found", 409: "conflict" };

/** The data layer's named errors, as API errors; anything else is not expected (null). */
export function fromDataError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (!isExpectedError(error)) return null;
  const fieldErrors = error instanceof InputConflictError && Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : undefined;
  return new ApiError(error.status, codeOfStatus[error.status] ?? "internal", error.message, fieldErrors);
}

/** The statuses an operation may answer with besides its success, for the document. */
export const ERROR_STATUSES = { 400: "The query or body is malformed.", 401: "No valid token.", 403: "The token's user or scope may not do this.", 404: "No such record, or not one the token's user may see.", 429: "Too many requests: wait Retry-After seconds." } as const;
