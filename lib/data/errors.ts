// Named errors the data layer throws; actions and route handlers turn them into responses.

/** The record does not exist, or the caller may not know that it does: both look the same. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(what = "record") {
    super(`That ${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** The caller's role may never do this (independent of any particular record). */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super("Please sign in.");
    this.name = "UnauthenticatedError";
  }
}

/** Input that passed its schema but conflicts with the database (e.g. a duplicate e-mail). */
export class InputConflictError extends Error {
  readonly status = 409;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "InputConflictError";
  }
}

export type ExpectedError = NotFoundError | ForbiddenError | UnauthenticatedError | InputConflictError;

export function isExpectedError(error: unknown): error is ExpectedError {
  return (
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof UnauthenticatedError ||
    error instanceof InputConflictError
  );
}
