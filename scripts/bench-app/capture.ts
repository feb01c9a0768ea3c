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
  /** Id-shaped strings in what it returned (rows that already existed), filled when its result arrives. */
  returned: Set<string>;
}

let recording: Statement[] | null = null;
const connectionIds = new WeakMap<object, number>();
let nextConnection = 0;

/** An id as the app makes them: Prisma's cuid, the snapshots' time-ordered cuid-shaped ids, a UUID. */
const ID = /\bc[a-z0-9]{24}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;

const HAS_ID = new RegExp(ID.source);

/** The ids anywhere in a value: a parameter, an array of them, JSON or composite text, a result row. */
function idsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string") {
    for (const match of value.matchAll(ID)) into.add(match[0]);
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, into);
  } else if (value !== null && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    for (const item of Object.values(value)) idsIn(item, into);
  }
  return into;
}

const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const result = (original as any).call(this, config, values, callback);
  if (recording) {
    if (!connectionIds.has(this)) connectionIds.set(this, nextConnection++);
    const text = typeof config === "string" ? config : (config as { text: string }).text;
    const params = (typeof config === "string" ? values : ((config as { values?: unknown[] }).values ?? (Array.isArray(values) ? values : []))) as unknown[];
    const statement: Statement = { connection: connectionIds.get(this) as number, text, values: Array.isArray(params) ? params : [], returned: new Set() };
    recording.push(statement);
    // Prisma's adapter awaits the promise form; the rows it reads name rows that exist already.
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<{ rows?: unknown[] }>).then((r) => idsIn(r?.rows ?? [], statement.returned), () => undefined);
    }
  }
  return result;
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

/**
 * The ids the captured work made for the rows it created: id-shaped strings in the parameters of
 * a statement that inserts (anywhere in it: `WITH … AS (INSERT …)` too), wherever they sit in a
 * parameter (plain, in an array, inside JSON or composite text), that no earlier statement sent
 * or returned — an id the app read first (the account, the snapshot it compacts) names a row that
 * exists, not a new one. Plus `extra`, e.g. an idempotency key that a lookup used first.
 */
export function freshSlots(statements: Statement[], extra: string[] = []): Set<string> {
  const seen = new Set<string>();
  const fresh = new Set(extra);
  for (const { text, values, returned } of statements) {
    const sent = idsIn(values, new Set());
    if (/\bINSERT\s+INTO\b/i.test(text)) for (const id of sent) if (!seen.has(id)) fresh.add(id);
    for (const id of sent) seen.add(id);
    for (const id of returned) seen.add(id);
  }
  return fresh;
}

function renew(value: string): string {
  if (value.includes("-")) return randomUUID();
  return "c" + randomUUID().replaceAll("-", "").slice(0, 24);
}

/**
 * The statements with every fresh slot given a new value, wherever it appears (the same new value
 * wherever it recurs, inside arrays, JSON and composite text too). Values without a slot are
 * shared, not copied, so a replay costs little more than its queries.
 */
export function withFreshIds(statements: Statement[], slots: Set<string>): Statement[] {
  if (slots.size === 0) return statements;
  const map = new Map([...slots].map((slot) => [slot, renew(slot)]));
  const swap = (value: unknown): unknown => {
    if (typeof value === "string") return map.get(value) ?? (HAS_ID.test(value) ? value.replace(ID, (id) => map.get(id) ?? id) : value);
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item)]));
    }
    return value;
  };
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
