// bench:app's write floors replay the statements the app sent with fresh ids for the rows it
// created (scripts/bench-app/capture.ts): every id the app made must be renewed wherever it sits,
// and no id of a row that already existed.
import { describe, expect, it } from "vitest";
import { freshSlots, type Statement, withFreshIds } from "../../scripts/bench-app/capture";

/** A cuid-shaped id (25 characters), as Prisma and the snapshot store make them. */
const cuid = (name: string) => `c${name}`.padEnd(25, "0");
const ACCOUNT = cuid("account");
const OLD_SNAPSHOT = cuid("oldsnapshot");
const NEW_SNAPSHOT = cuid("mdy7x3k0001abcdef");
const RATING = cuid("rating");
const AUDIT = cuid("audit");
const KEY = "0b6c1f0e-2a8d-4c1e-9f00-1234567890ab";

const statement = (text: string, values: unknown[], returned: string[] = []): Statement => ({ connection: 0, text, values, returned: new Set(returned) });

const captured = [
  statement(`SELECT id FROM accounts WHERE id = $1`, [ACCOUNT], [ACCOUNT]),
  statement(`SELECT id FROM ratings WHERE idempotency_key = $1`, [KEY]),
  // The loader returns the latest snapshot (inside its JSON): that id is read, not made.
  statement(`SELECT json_build_object('latest', s.id) FROM accounts a`, [[ACCOUNT]], [OLD_SNAPSHOT]),
  statement(`INSERT INTO ratings (id, account_id, idempotency_key) VALUES ($1, $2, $3)`, [RATING, ACCOUNT, KEY]),
  statement(`INSERT INTO audit_events (id, details) VALUES ($1, $2)`, [AUDIT, JSON.stringify({ ratingId: RATING })]),
  // The one-statement store: the new id inside an array, the compacted (old) one beside it, and
  // the new one again inside composite text.
  statement(
    `WITH inserted AS (INSERT INTO health_snapshots (id, account_id) SELECT * FROM unnest($1::text[], $2::text[])) UPDATE health_snapshots SET evidence = '{}' WHERE id = ANY($3::text[])`,
    [[NEW_SNAPSHOT], [ACCOUNT], [OLD_SNAPSHOT], `(${NEW_SNAPSHOT},${ACCOUNT})`],
  ),
];

describe("bench:app fresh ids", () => {
  it("renews the ids the app made, in arrays, JSON and composite text and CTE inserts, and only those", () => {
    const slots = freshSlots(captured, [KEY]);
    expect([...slots].sort()).toEqual([KEY, AUDIT, NEW_SNAPSHOT, RATING].sort());
    const replay = withFreshIds(captured, slots);
    const text = JSON.stringify(replay.map((s) => s.values));
    for (const made of [NEW_SNAPSHOT, RATING, KEY, AUDIT]) expect(text).not.toContain(made);
    expect(text).toContain(ACCOUNT);
    expect(text).toContain(OLD_SNAPSHOT);
    // One new value per slot, the same wherever it recurs.
    const store = replay[5]!.values as [string[], string[], string[], string];
    expect(store[3]).toBe(`(${store[0][0]},${ACCOUNT})`);
    expect(JSON.parse(replay[4]!.values[1] as string).ratingId).toBe(replay[3]!.values[0]);
  });

  it("gives each replay ids of its own", () => {
    const slots = freshSlots(captured, [KEY]);
    const [a, b] = [withFreshIds(captured, slots), withFreshIds(captured, slots)];
    expect(a[3]!.values[0]).not.toBe(b[3]!.values[0]);
    expect(a[3]!.values[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
