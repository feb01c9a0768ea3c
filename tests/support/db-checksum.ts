import { db } from "../../lib/db/client";
import { stopJobs } from "../../lib/jobs";

// A fingerprint of every table's rows, to prove that a refused request wrote nothing. The
// throttling tables are left out on purpose: counting a refused guess there is their job.

const IGNORED = /^(_prisma_migrations|rate_limits?|.*throttl.*)$/;

export async function tableChecksums(): Promise<Map<string, string>> {
  // Work an earlier call queued (a re-diagnosis, an email delivery) runs in this process on
  // PGlite: it finishes first, so that its writes are not taken for the next call's.
  await stopJobs();
  const tables = (await db().$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
    .map((t) => t.tablename)
    .filter((name) => !IGNORED.test(name));
  const query = tables.map((name) => `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${name}" t`).join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; sum: string }[]>(query);
  return new Map(rows.map((row) => [row.name, row.sum]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
}
