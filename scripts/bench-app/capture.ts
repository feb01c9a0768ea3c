// Records the SQL the app sends (every statement through node-postgres, which Prisma's adapter-pg
// uses), so a floor can replay exactly those statements with bare `pg`: the same work without the
// ORM and the JavaScript between them. Ids the app made for new rows are swapped for fresh ones on
// each replay, so the replayed INSERTs write new rows as the app's did.
import { randomUUID } from "node:crypto";
import pg from "pg";

export interface Statement {
  /** Which pooled connection sent it (statements of one transaction share one). */
  connection: number;
  text: string;
  values: unknown[];
}

let recording: Statement[] | null = null;
const connectionIds = new WeakMap<object, number>();
let nextConnection = 0;

const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  if (recording) {
    if (!connectionIds.has(this)) connectionIds.set(this, nextConnection++);
    const text = typeof config === "string" ? config : (config as { text: string }).text;
    const params = (typeof config === "string" ? values : ((config as { values?: unknown[] }).values ?? (Array.isArray(values) ? values : []))) as unknown[];
    recording.push({ connection: connectionIds.get(this) as number, text, values: Array.isArray(params) ? params : [] });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (original as any).call(this, config, values, callback);
};

/** Runs `work`, returning what it returned and the statements it sent. */
export async function capture<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  recording = [];
  try {
    const result = await work();
    return { result, statements: recording };
  } finally {
    recording = null;
  }
}

const CUID = /^c[a-z0-9]{24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.flatMap(strings) : []);

/**
 * The values that name rows the captured work created: id-shaped strings first seen as
 * parameters of an INSERT (plus `extra`, e.g. an idempotency key that a lookup used first).
 */
export function freshSlots(statements: Statement[], extra: string[] = []): Set<string> {
  const seen = new Set<string>();
  const fresh = new Set(extra);
  for (const { text, values } of statements) {
    const inserts = /^\s*INSERT/i.test(text);
    for (const value of strings(values)) {
      if (inserts && !seen.has(value) && CUID.test(value)) fresh.add(value);
      seen.add(value);
    }
  }
  return fresh;
}

function renew(value: string): string {
  if (UUID.test(value)) return randomUUID();
  return "c" + randomUUID().replaceAll("-", "").slice(0, 24);
}

/** The statements with every fresh slot given a new value (the same new value wherever it recurs). */
export function withFreshIds(statements: Statement[], slots: Set<string>): Statement[] {
  const map = new Map([...slots].map((slot) => [slot, renew(slot)]));
  const swap = (value: unknown): unknown =>
    typeof value === "string" ? (map.get(value) ?? value) : Array.isArray(value) ? value.map(swap) : value;
  return statements.map((statement) => ({ ...statement, values: statement.values.map(swap) }));
}

/** Milliseconds per statement text over the replays that were asked to record them. */
export type StatementTimes = Map<string, { ms: number; count: number }>;

/** Replays statements one after another, in the captured order, on one bare connection. */
export async function replayInOrder(client: pg.ClientBase, statements: Statement[], times?: StatementTimes): Promise<void> {
  for (const { text, values } of statements) {
    const started = performance.now();
    await client.query(text, values);
    if (times) {
      const entry = times.get(text) ?? { ms: 0, count: 0 };
      entry.ms += performance.now() - started;
      entry.count += 1;
      times.set(text, entry);
    }
  }
}

/** The statements that took longest in total, for the report: where the floor's time goes. */
export function slowest(times: StatementTimes, n = 5): { ms: number; count: number; sql: string }[] {
  return [...times]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, n)
    .map(([text, { ms, count }]) => ({ ms: Math.round(ms), count, sql: text.replace(/\s+/g, " ").slice(0, 300) }));
}

/**
 * Replays each captured connection's statements, in their order, on a bare connection of its own,
 * all at once (as a rescore's concurrent batches ran).
 */
export async function replayByConnection(clients: pg.ClientBase[], statements: Statement[], times?: StatementTimes): Promise<void> {
  const lanes = new Map<number, Statement[]>();
  for (const statement of statements) lanes.set(statement.connection, [...(lanes.get(statement.connection) ?? []), statement]);
  if (lanes.size > clients.length) throw new Error(`the capture used ${lanes.size} connections; ${clients.length} given`);
  await Promise.all([...lanes.values()].map((lane, i) => replayInOrder(clients[i] as pg.ClientBase, lane, times)));
}
