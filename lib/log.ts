import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

// One JSON line per event on stdout (pino), for whatever collects the server's output. The level
// comes from LOG_LEVEL (default "info"). Secrets never reach a line: the fields that could carry
// one are redacted wherever they sit in what is logged.

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

/** LOG_LEVEL, or "info" when it is unset or not a level (said once, below, rather than failing the server). */
function levelFrom(value: string | undefined): { level: Level; invalid: boolean } {
  const wanted = value?.trim().toLowerCase();
  if (!wanted) return { level: "info", invalid: false };
  return (LEVELS as readonly string[]).includes(wanted) ? { level: wanted as Level, invalid: false } : { level: "info", invalid: true };
}

const SECRET_KEYS = ["password", "currentPassword", "confirmPassword", "token", "secret", "cookie", "authorization", "csrfToken"];

const configured = levelFrom(process.env.LOG_LEVEL);

export const logger = pino({
  level: configured.level,
  base: { app: "rapport" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: "[redacted]" },
});

if (configured.invalid) logger.warn({ LOG_LEVEL: process.env.LOG_LEVEL }, `LOG_LEVEL must be one of ${LEVELS.join(", ")}: using "info"`);

/**
 * The request id (proxy.ts sets `x-request-id` on every request) for what runs inside
 * `withRequestId`, so a line logged deep in the data layer still names its request.
 */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The request id of the request being served, or undefined outside one (scripts, jobs, tests). */
export async function incomingRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` with the current request's id attached to every line it logs. */
export async function withRequestId<T>(work: () => Promise<T>): Promise<T> {
  const requestId = await incomingRequestId();
  return requestId ? requestScope.run({ requestId }, work) : work();
}

/** The logger for this moment: with the request id when inside a request's scope. */
export function currentLogger(): pino.Logger {
  const scope = requestScope.getStore();
  return scope ? logger.child({ requestId: scope.requestId }) : logger;
}

/** Unexpected errors are logged here, on the server, with their context; the browser gets a generic message. */
export function logUnexpected(context: string, error: unknown): void {
  logger.error({ requestId: requestScope.getStore()?.requestId, context, err: error }, `unexpected error: ${context}`);
}
