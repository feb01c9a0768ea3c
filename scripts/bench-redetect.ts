// `npm run bench:redetect [-- --scale N]`: re-detects the phrases of N interactions (default
// 200,000, spread over N/100 accounts) of realistic note text with the redetect-phrases job's code,
// on a throwaway PostgreSQL database (DATABASE_URL's server; dropped at the end), and prints
// interactions per second, the total time, and the bare-SQL floor: reading and writing the same
// rows without detection. The stored hits are empty, so rows with a symptom phrase are rewritten
// and their accounts re-diagnosed. Prints numbers; asserts nothing. Target: 200,000 in < 10 min.
import os from "node:os";
import { REDETECT_BATCH_SIZE, redetectPhrases } from "../lib/jobs/redetect";
import { buildAccount, buildUser } from "../prisma/seed/factories";
import { noteText, prng } from "../tests/fixtures/scoring/realistic";
import { onThrowawayDatabase, runBenchmark } from "./bench-db";

const scaleFlag = process.argv.indexOf("--scale");
const INTERACTIONS = Number(scaleFlag >= 0 ? process.argv[scaleFlag + 1] : 200_000);
const DAY = 86_400_000;

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("bench:redetect needs DATABASE_URL (a PostgreSQL server where it may create a database)");
  await onThrowawayDatabase(async ({ prisma }) => {
    const now = new Date();
    const random = prng(7);
    const rm = buildUser({ role: "RELATIONSHIP_MANAGER" });
    await prisma.user.create({ data: rm });
    const accounts = Array.from({ length: Math.max(1, Math.ceil(INTERACTIONS / 100)) }, (_, i) => buildAccount({ name: `Unit ${i}`, relationshipManagerId: rm.id }));
    await prisma.account.createMany({ data: accounts });

    let started = performance.now();
    process.stdout.write(`Writing ${INTERACTIONS.toLocaleString("en")} interactions…`);
    let bytes = 0;
    for (let offset = 0; offset < INTERACTIONS; offset += 5000) {
      const count = Math.min(5000, INTERACTIONS - offset);
      const ids = Array.from({ length: count }, (_, i) => `bench-${String(offset + i).padStart(8, "0")}`);
      const notes = ids.map(() => noteText(random, 3 + Math.floor(random() * 6), 0.5));
      bytes += notes.reduce((sum, note) => sum + note.length, 0);
      await prisma.$executeRaw`
        INSERT INTO interactions (id, account_id, type, occurred_at, summary, notes, phrase_hits, logged_by_id, updated_at)
        SELECT u.id, u.account_id, 'MEETING', u.at, 'Monthly review', u.notes, '[]'::jsonb, ${rm.id}, now()
        FROM unnest(${ids}::text[], ${ids.map((_, i) => accounts[(offset + i) % accounts.length]!.id)}::text[],
                    ${ids.map(() => new Date(now.getTime() - Math.floor(random() * 365) * DAY))}::timestamptz[], ${notes}::text[])
          AS u(id, account_id, at, notes)`;
    }
    // autovacuum is off on the shared server: without statistics the planner guesses.
    await prisma.$executeRawUnsafe("VACUUM ANALYZE interactions");
    console.log(` ${((performance.now() - started) / 1000).toFixed(1)} s (notes average ${Math.round(bytes / INTERACTIONS)} characters)`);

    // The floor: the same keyset-paged reads, and one UPDATE … FROM unnest per batch of every row.
    started = performance.now();
    let after = "";
    for (;;) {
      const rows = await prisma.$queryRaw<{ id: string; summary: string; notes: string; phrase_hits: unknown }[]>`
        SELECT id, account_id, summary, notes, phrase_hits FROM interactions WHERE id > ${after} ORDER BY id LIMIT ${REDETECT_BATCH_SIZE}`;
      if (rows.length === 0) break;
      await prisma.$executeRaw`UPDATE interactions AS t SET phrase_hits = u.hits::jsonb
        FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => JSON.stringify(r.phrase_hits))}::text[]) AS u(id, hits) WHERE t.id = u.id`;
      after = rows.at(-1)!.id;
    }
    const floor = (performance.now() - started) / 1000;
    await prisma.$executeRawUnsafe("VACUUM ANALYZE interactions");

    started = performance.now();
    const cpu = process.cpuUsage();
    const result = await redetectPhrases(prisma, now, {
      onProgress: (done, total) => process.stdout.write(`\rRe-detecting… ${done.toLocaleString("en")}/${total.toLocaleString("en")}`),
    });
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    console.log(
      `\rRe-detected ${result.scanned.toLocaleString("en")} interactions in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.scanned / seconds).toLocaleString("en")}/s; this process's CPU ${((user + system) / 1e6).toFixed(1)} s); ` +
        `${result.rewritten.toLocaleString("en")} rewritten, ${result.accounts} accounts re-diagnosed`,
    );
    console.log(`Floor (the same reads and a write of every row, no detection): ${floor.toFixed(1)} s`);
    console.log(`At this rate 200,000 interactions take ${((200_000 / result.scanned) * seconds / 60).toFixed(1)} min (target < 10 min on 2 cores)`);
    console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  });
}

runBenchmark(main);
