import { Prisma } from "../generated/prisma/client";

export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  // Adapters report the target as column names, model field names or a constraint name.
  return JSON.stringify(error.meta ?? {}).toLowerCase().includes(field.toLowerCase());
}

/** How long a client should wait before retrying while the database is away: a crash restart takes well under a second. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's own codes for "cannot reach / lost the server": P1001 can't reach, P1002 reached but timed
// out, P1008 operation timed out, P1017 server closed the connection, P2024 timed out waiting for a
// pooled connection. Other codes (P2010 "raw query failed", P2039, …) wrap any driver error, so for
// them the wrapped error decides: a syntax error in raw SQL stays a bug, not an outage.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What adapter-pg reports for socket failures.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATEs of a server going away or not yet back: class 08 (connection exception), 57P01 admin
// shutdown (also `pg_ctl stop -m fast`), 57P02 crash shutdown, 57P03 "the database system is
// starting up" (or in recovery), 53300 too many connections.
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300"]);
// node-postgres throws these as plain Errors, with no code, when a connection dies under a query.
// Prisma's P2028 "Unable to start a transaction in the given time" (no pooled connection within
// maxWait: reconnecting after a restart) and "... on an expired transaction" (it outlived its
// timeout, so it was rolled back: the database answered too slowly) pass too; its other P2028s are bugs.
const MESSAGES = /Unable to start a transaction in the given time|executed on an expired transaction|Connection terminated unexpectedly|Connection terminated due to connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

/** The error, its causes and the driver error Prisma wrapped, outermost first. */
function* errorChain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 5 || typeof error !== "object" || error === null) return;
  const part = error as Record<string, unknown>;
  yield part;
  const meta = part.meta as Record<string, unknown> | undefined;
  yield* errorChain(meta?.driverAdapterError, depth + 1);
  yield* errorChain(part.cause, depth + 1);
}

/**
 * True when the error says the database is unreachable, restarting, dropped the connection or
 * answered too slowly for a transaction's time limit (rolled back): a condition that passes, so
 * the request may be retried as it is (a 503 with Retry-After, never a 500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const part of errorChain(error)) {
    const codes = [part.code, part.errorCode, part.originalCode].filter((code): code is string => typeof code === "string");
    if (codes.some((code) => PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
    if (typeof part.kind === "string" && ADAPTER_KINDS.has(part.kind)) return true;
    if (typeof part.message === "string" && MESSAGES.test(part.message)) return true;
  }
  return false;
}
