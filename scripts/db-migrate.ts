// npm run db:migrate — applies pending migrations in prisma/migrations to the configured database
// (DATABASE_URL, or the embedded PGlite in PGLITE_DIR), like `prisma migrate deploy`.
import { connection } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";

async function main(): Promise<void> {
  const db = connection();
  try {
    const started = performance.now();
    const applied = await applyMigrations(db.adapterFactory);
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0) {
      console.log(`${db.kind} ${db.location}: already up to date (${ms} ms)`);
    } else {
      console.log(`${db.kind} ${db.location}: applied ${applied.length} migration(s) in ${ms} ms:`);
      for (const name of applied) console.log(`  ${name}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
