import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { createRating } from "../../prisma/seed/factories";
import type { ActorKey } from "../inventory";
import { signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld, SECRETS } from "../support/authz/world";

// The CSV exports (issue 11 §3): each answers exactly the rows its caller may see, through the
// data layer, and streams: the file is written while its rows are read, not after.
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const route = async (name: string) => (await import(`../../app/api/export/${name}/route.ts`)).GET as Handler;

let w: MatrixWorld;
const B_COMMENT = "Brightwater comment: fine";

beforeEach(async () => {
  w = await buildMatrixWorld();
  await createRating(db(), { accountId: w.b.id, userId: w.users.clientB.id, overall: 4, recommend: 8, comment: B_COMMENT });
  for (const [account, owner, title] of [[w.a, w.users.rmA, "Quill action: roadmap"], [w.b, w.users.otherRm, "Bright action: backlog"]] as const) {
    await db().action.create({ data: { accountId: account.id, ownerId: owner.id, title, dueDate: new Date("2026-12-20") } });
  }
});

async function get(who: ActorKey, name: string, query = "") {
  signIn(w.actors[who]);
  try {
    const response = await (await route(name))(new Request(`http://rapport.test/api/export/${name}${query}`), { params: Promise.resolve({}) });
    const text = await response.text();
    return { status: response.status, type: response.headers.get("content-type"), text, records: response.ok ? (parse(text, { columns: true, bom: true }) as Record<string, string>[]) : [] };
  } finally {
    signIn(null);
  }
}

describe("CSV exports: only the rows the caller may see", () => {
  it("ratings: leadership every unit's, a manager their own units', a client their unit's", async () => {
    const comments = async (who: ActorKey) => (await get(who, "ratings")).records.map((row) => row.comment).sort();
    expect(await comments("cio")).toEqual([B_COMMENT, SECRETS.ratingCommentA].sort());
    expect(await comments("admin")).toEqual([B_COMMENT, SECRETS.ratingCommentA].sort());
    expect(await comments("rmA")).toEqual([SECRETS.ratingCommentA]);
    expect(await comments("otherRm")).toEqual([B_COMMENT]);
    expect(await comments("clientA")).toEqual([SECRETS.ratingCommentA]);
    expect(await comments("clientB")).toEqual([B_COMMENT]);
    expect((await get("anonymous", "ratings")).status).toBe(401);
  });

  it("ratings of one unit: another manager and another unit's client find no such unit; a bad filter is a 400 naming it", async () => {
    const own = await get("rmA", "ratings", `?accountId=${w.a.id}`);
    expect(own.type).toBe("text/csv; charset=utf-8");
    expect(own.records).toHaveLength(1);
    expect(own.records[0]).toMatchObject({ account: SECRETS.nameA, rater: w.users.clientA.name, overall: "2", recommend: "3" });
    expect((await get("otherRm", "ratings", `?accountId=${w.a.id}`)).status).toBe(404);
    expect((await get("clientB", "ratings", `?accountId=${w.a.id}`)).status).toBe(404);
    const bad = await get("cio", "ratings", "?since=2026-02-30");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).fieldErrors.since).toEqual(["Give the first day as YYYY-MM-DD."]);
    expect((await get("cio", "ratings", "?since=2999-01-01")).records).toEqual([]);
  });

  it("actions: IT's own units only; a client is refused for the role", async () => {
    const titles = async (who: ActorKey) => (await get(who, "actions")).records.map((row) => row.title).sort();
    expect(await titles("cio")).toEqual(["Bright action: backlog", "Quill action: roadmap"]);
    expect(await titles("rmA")).toEqual(["Quill action: roadmap"]);
    expect(await titles("otherRm")).toEqual(["Bright action: backlog"]);
    expect((await get("clientA", "actions")).status).toBe(403);
    expect((await get("clientA", "actions", `?accountId=${w.a.id}`)).status).toBe(404);
  });

  it("timeline: IT with full access gets its candid columns; the unit's client gets the client's view without them; others nothing", async () => {
    const it = await get("rmA", "timeline", `?accountId=${w.a.id}`);
    for (const secret of SECRETS.itCandidA) expect(it.text).toContain(secret);
    expect(it.records[0]).toMatchObject({ type: "meeting", follow_ups: expect.stringContaining("IT: Send the roadmap") });
    const client = await get("clientA", "timeline", `?accountId=${w.a.id}`);
    expect(client.records).toHaveLength(1);
    expect(Object.keys(client.records[0]!)).not.toContain("notes");
    for (const secret of SECRETS.itCandidA) expect(client.text).not.toContain(secret);
    expect((await get("otherRm", "timeline", `?accountId=${w.a.id}`)).status).toBe(404);
    expect((await get("clientB", "timeline", `?accountId=${w.a.id}`)).status).toBe(404);
    expect((await get("cio", "timeline")).status).toBe(400);
  });

  it("portfolio: another manager's unit is a summary row (its working facts blank); clients are refused", async () => {
    const other = await get("otherRm", "portfolio");
    const rowA = other.records.find((row) => row.unit === SECRETS.nameA);
    expect(rowA).toMatchObject({ relationship_manager: w.users.rmA.name, last_rating: "", it_overdue: "" });
    const own = (await get("rmA", "portfolio", "?owner=me")).records;
    expect(own.map((row) => row.unit)).toEqual([SECRETS.nameA]);
    expect(own[0]).toMatchObject({ last_rating: "2", it_overdue: "0" });
    expect((await get("clientA", "portfolio")).status).toBe(403);
  });

  it("starts the file with a byte-order mark for Excel when asked (?bom=1)", async () => {
    signIn(w.actors.cio);
    const response = await (await route("ratings"))(new Request("http://rapport.test/api/export/ratings?bom=1"), { params: Promise.resolve({}) });
    signIn(null);
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("CSV exports stream", () => {
  it("sends the first rows of a large table before the last are read: rows deleted after the first chunk never reach the file", async () => {
    const TOTAL = 30_000;
    // One rating a minute, newest first in the file; ids in time order for the keyset's ties.
    await db().$executeRaw`
      INSERT INTO ratings (id, account_id, overall, recommend, idempotency_key, comment, created_at)
      SELECT 'bulk' || lpad(g::text, 21, '0'), ${w.a.id}, 1 + g % 5, g % 11, 'bulk-' || g, 'generated rating ' || g, timestamp '2026-06-01' - g * interval '1 minute'
      FROM generate_series(1, ${TOTAL}) AS g`;
    signIn(w.actors.cio);
    const response = await (await route("ratings"))(new Request(`http://rapport.test/api/export/ratings?accountId=${w.a.id}&until=2026-06-01`), { params: Promise.resolve({}) });
    signIn(null);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    let text = decoder.decode(first.value, { stream: true });
    const firstRows = text.split("\r\n").length - 2;
    expect(firstRows).toBeGreaterThan(100);
    // Everything older than the 5,000th rating goes now. A file built before sending would still hold all 30,000.
    const deleted = await db().rating.deleteMany({ where: { accountId: w.a.id, createdAt: { lt: new Date(Date.parse("2026-06-01T00:00:00Z") - 5_000 * 60_000) } } });
    expect(deleted.count).toBe(TOTAL - 5_000);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(5_000);
    expect(records[0]).toMatchObject({ comment: "generated rating 1" });
    expect(records.at(-1)).toMatchObject({ comment: "generated rating 5000" });
  });
});
