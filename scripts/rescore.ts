// npm run rescore — re-diagnoses every account now, as the scheduled job does: a snapshot is
// stored for each diagnosis that changed or is the account's first today (decision 007).
import { closeDb, connection } from "../lib/db/client";
import { EmbeddedDatabaseLockedError } from "../lib/db/pglite";
import { rescoreAll } from "../lib/health/rescore";

async function main(): Promise<void> {
  const db = connection();
  const started = performance.now();
  try {
    const { accounts } = await rescoreAll(db.prisma, new Date(), {
      concurrency: db.kind === "postgres" ? 2 : 1,
      onProgress: (done, total) => process.stdout.write(`\rRescored ${done} of ${total} accounts`),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nRescored ${accounts} accounts on ${db.kind} (${db.location}) in ${seconds.toFixed(1)} s.`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseLockedError ? error.message : error);
  process.exit(1);
});
