import { recordPhraseEngineVersion, storedPhraseEngineVersion } from "../data/phrase-engine-state";
import type { PrismaClient } from "../generated/prisma/client";
import { recomputeHealth } from "../health/recompute";
import { interactionTextPhrases, PHRASE_ENGINE_VERSION, quotePhrases, ratingCommentPhrases, type Side } from "../scoring";

// Re-detects the phrases of every stored text with the engine running now, after the engine
// changed: interactions (summary and notes), quotes (with their side) and rating comments. Rows are
// read in keyset-paged batches; only rows whose hits changed are written, in one UPDATE per batch;
// then every account that had a row rewritten is re-diagnosed.

/** Rows read per query: large enough for few round trips, small enough to bound memory. */
export const REDETECT_BATCH_SIZE = 2000;

interface Row {
  id: string;
  account_id: string;
  phrase_hits: unknown;
}

/** A table's text, how to read a batch of it after `after`, and how to detect its phrases. */
interface Source<R extends Row> {
  table: "interactions" | "quotes" | "ratings";
  read: (prisma: PrismaClient, after: string, limit: number) => Promise<R[]>;
  detect: (row: R) => unknown;
}

// Each source's rows carry its own text columns; the loop below only passes them back to it.
const source = <R extends Row>(definition: Source<R>) => definition as unknown as Source<Row>;

const sources = [
  source({
    table: "interactions",
    read: (prisma, after, limit) =>
      prisma.$queryRaw<(Row & { summary: string; notes: string })[]>`
        SELECT id, account_id, summary, notes, phrase_hits FROM interactions WHERE id > ${after} ORDER BY id LIMIT ${limit}`,
    detect: (row) => interactionTextPhrases(row.summary, row.notes),
  }),
  source({
    table: "quotes",
    read: (prisma, after, limit) =>
      prisma.$queryRaw<(Row & { side: Side; text: string })[]>`
        SELECT q.id, i.account_id, q.side::text AS side, q.text, q.phrase_hits
        FROM quotes q JOIN interactions i ON i.id = q.interaction_id
        WHERE q.id > ${after} ORDER BY q.id LIMIT ${limit}`,
    detect: (row) => quotePhrases(row.text, row.side),
  }),
  source({
    table: "ratings",
    read: (prisma, after, limit) =>
      prisma.$queryRaw<(Row & { comment: string })[]>`
        SELECT id, account_id, comment, phrase_hits FROM ratings WHERE id > ${after} ORDER BY id LIMIT ${limit}`,
    detect: (row) => ratingCommentPhrases(row.comment),
  }),
];

/** Writes the new hits of `rows` (id, JSON text) in one statement. */
async function writeHits(prisma: PrismaClient, table: Source<Row>["table"], ids: string[], hits: string[]): Promise<void> {
  // The table name is one of three constants, never input.
  await prisma.$executeRawUnsafe(
    `UPDATE ${table} AS t SET phrase_hits = u.hits::jsonb FROM unnest($1::text[], $2::text[]) AS u(id, hits) WHERE t.id = u.id`,
    ids,
    hits,
  );
}

// Stored hits come back from jsonb with their keys reordered: compare them as canonical JSON.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

export interface RedetectResult {
  [key: string]: string | number;
  scanned: number;
  rewritten: number;
  accounts: number;
  engineVersion: string;
}

/**
 * Re-detects every stored text, re-diagnoses the accounts whose hits changed as of `now`, and
 * records the engine version. `onProgress` gets rows scanned out of the rows there are.
 */
export async function redetectPhrases(
  prisma: PrismaClient,
  now: Date,
  { onProgress, batchSize = REDETECT_BATCH_SIZE }: { onProgress?: (done: number, total: number) => unknown; batchSize?: number } = {},
): Promise<RedetectResult> {
  const [counts] = await prisma.$queryRaw<{ total: number }[]>`
    SELECT ((SELECT count(*) FROM interactions) + (SELECT count(*) FROM quotes) + (SELECT count(*) FROM ratings))::int AS total`;
  const total = counts?.total ?? 0;
  let scanned = 0;
  let rewritten = 0;
  const affected = new Set<string>();
  await onProgress?.(0, total);
  for (const { table, read, detect } of sources) {
    let after = "";
    for (;;) {
      const rows = await read(prisma, after, batchSize);
      if (rows.length === 0) break;
      const ids: string[] = [];
      const hits: string[] = [];
      for (const row of rows) {
        const fresh = detect(row);
        if (row.phrase_hits !== null && canonical(fresh) === canonical(row.phrase_hits)) continue;
        ids.push(row.id);
        hits.push(JSON.stringify(fresh));
        affected.add(row.account_id);
      }
      if (ids.length > 0) await writeHits(prisma, table, ids, hits);
      rewritten += ids.length;
      scanned += rows.length;
      after = rows.at(-1)!.id;
      await onProgress?.(scanned, total);
    }
  }
  const accounts = [...affected].sort();
  for (let start = 0; start < accounts.length; start += 250) {
    await prisma.$transaction((tx) => recomputeHealth(tx, accounts.slice(start, start + 250), now), { timeout: 120_000 });
  }
  await recordPhraseEngineVersion(prisma, PHRASE_ENGINE_VERSION);
  return { scanned, rewritten, accounts: accounts.length, engineVersion: PHRASE_ENGINE_VERSION };
}

/** Whether the stored hits come from another engine than this server's (then they are re-detected). */
export async function phraseEngineChanged(prisma: PrismaClient): Promise<boolean> {
  return (await storedPhraseEngineVersion(prisma)) !== PHRASE_ENGINE_VERSION;
}
