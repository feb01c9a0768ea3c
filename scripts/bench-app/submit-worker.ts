// Rating submission with re-diagnosis, in-process through the app's real data-layer path
// (lib/data/ratings.ts submitRating, what the rating form's server action calls), under N
// concurrent lanes against one account; then its floor: the statements one submission sent,
// captured at the driver and replayed with bare `pg` with fresh ids, under as many lanes.
// Runs in its own Node process started by index.ts with `--conditions=react-server`, the
// condition Next gives server code, so lib/data's `import "server-only"` resolves as it does there.
// Reads its task as JSON from argv; writes its result as the last line of stdout.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { capture, freshSlots, replayInOrder, slowest, type StatementTimes, withFreshIds } from "./capture";
import { closeDb } from "../../lib/db/client";
import { submitRating } from "../../lib/data/ratings";
import type { Actor } from "../../lib/data/permissions";
import { concurrent, type Timing } from "./stats";
import { snapshotStorage } from "./storage";

export interface SubmitTask {
  databaseUrl: string;
  accountId: string;
  submissions: number;
  lanes: number;
}

export interface SubmitResult {
  app: Timing;
  floor: Timing;
  statements: number;
  /** Submissions that failed (e.g. the transaction timed out waiting for the account lock), left out of the timings. */
  failed: number;
  firstError: string | null;
  floorFailed: number;
  floorError: string | null;
  /** The floor's slowest statements. */
  slowest: ReturnType<typeof slowest>;
  roundTrips: { inTransaction: number; total: number };
  storage: { bytes: number; writes: number };
  sampleSql: string[];
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] as string) as SubmitTask;
  process.env.DATABASE_URL = task.databaseUrl;
  const pool = new pg.Pool({ connectionString: task.databaseUrl, max: task.lanes });
  const { rows: clients } = await pool.query<{ id: string; name: string; email: string; account_id: string }>(
    `SELECT id, name, email, account_id FROM users WHERE account_id = $1 AND role = 'CLIENT' ORDER BY id`,
    [task.accountId],
  );
  const actors: Actor[] = clients.map((c) => ({ id: c.id, role: "CLIENT", accountId: c.account_id, name: c.name, email: c.email }));
  const submit = (i: number) => {
    const actor = actors[Math.abs(i) % actors.length] as Actor;
    const overall = 1 + (Math.abs(i) % 5);
    return submitRating(actor, { accountId: task.accountId, overall, recommend: overall * 2, comment: i % 4 === 0 ? "IT just doesn't get it" : "", idempotencyKey: randomUUID() });
  };

  // Warm up (connections, Prisma's compiled queries), then capture one submission's statements
  // (retried: on a loaded machine a submission can outlast the app's 5 s transaction timeout).
  for (let i = 0; i < 3; i++) await submit(-1 - i).catch(() => undefined);
  const actor = actors[0] as Actor;
  let key = randomUUID();
  let captured: Awaited<ReturnType<typeof capture>> | null = null;
  for (let attempt = 0; attempt < 5 && !captured; attempt++) {
    key = randomUUID();
    captured = await capture(() => submitRating(actor, { accountId: task.accountId, overall: 3, recommend: 6, comment: "", idempotencyKey: key })).catch(() => null);
  }
  if (!captured) throw new Error("no submission succeeded to capture its statements");

  const before = await snapshotStorage(pool);
  let failed = 0;
  let firstError: string | null = null;
  const app = await concurrent(task.submissions, task.lanes, async (i) => {
    try {
      await submit(i);
    } catch (error) {
      failed++;
      firstError ??= String(error instanceof Error ? error.message : error).replace(/\s+/g, " ").slice(0, 300);
      throw error;
    }
  });
  const after = await snapshotStorage(pool);
  await closeDb();

  const slots = freshSlots(captured.statements, [key]);
  const floorClients = await Promise.all(Array.from({ length: task.lanes }, () => pool.connect()));
  const idle = [...floorClients];
  const times: StatementTimes = new Map();
  let floorFailed = 0;
  let floorError: string | null = null;
  const floor = await concurrent(task.submissions, task.lanes, async () => {
    const client = idle.pop() as pg.PoolClient;
    try {
      await replayInOrder(client, withFreshIds(captured.statements, slots), times);
    } catch (error) {
      floorFailed++;
      floorError ??= String(error instanceof Error ? error.message : error).slice(0, 300);
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      idle.push(client);
    }
  });
  for (const client of floorClients) client.release();
  await pool.end();

  const begin = captured.statements.findIndex((s) => /^\s*BEGIN/i.test(s.text));
  const commit = captured.statements.findIndex((s) => /^\s*COMMIT/i.test(s.text));
  const result: SubmitResult = {
    app,
    floor,
    statements: captured.statements.length,
    failed,
    firstError,
    floorFailed,
    floorError,
    slowest: slowest(times),
    roundTrips: { inTransaction: begin >= 0 && commit > begin ? commit - begin + 1 : 0, total: captured.statements.length },
    storage: { bytes: after.bytes - before.bytes, writes: after.rows - before.rows },
    sampleSql: captured.statements.map((s) => s.text.replace(/\s+/g, " ").slice(0, 160)),
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
