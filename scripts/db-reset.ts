// npm run db:reset [-- --skip-seed] [-- --force] — deletes everything in the configured database,
// re-applies all migrations, then seeds the demo story. Refused when NODE_ENV=production unless
// --force. PGlite: the data directory is deleted (refused while another process has it open);
// PostgreSQL: the "public" schema is dropped and recreated.
import { closeDb, connection } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { deletePglite, EmbeddedDatabaseLockedError } from "../lib/db/pglite";
import { env } from "../lib/env";
import { seed } from "../prisma/seed";

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const { NODE_ENV, DATABASE_URL, PGLITE_DIR } = env();
  if (NODE_ENV === "production" && !args.has("--force")) {
    throw new Error("Refusing to reset a database with NODE_ENV=production (pass --force if you really mean it).");
  }

  if (!DATABASE_URL && !PGLITE_DIR.startsWith("memory://")) {
    deletePglite(PGLITE_DIR);
    console.log(`Deleted the embedded database in ${PGLITE_DIR}.`);
  }

  const db = connection();
  try {
    if (db.kind === "postgres") {
      await db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "public" CASCADE`);
      await db.prisma.$executeRawUnsafe(`CREATE SCHEMA "public"`);
      console.log(`Dropped and recreated the public schema of ${db.location}.`);
    }
    const applied = await applyMigrations(db.adapterFactory);
    console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);

    if (args.has("--skip-seed")) return;
    await seed(db.prisma, { now: new Date() });
    console.log("Seeded the demo story.");
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
});
