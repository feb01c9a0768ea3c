// npm run db:reset [-- --skip-seed] [-- --force] — deletes everything in the configured database,
// re-applies all migrations, then seeds the demo story. Refused when NODE_ENV=production unless
// --force. PGlite: the data directory is deleted (refused while another process has it open);
// PostgreSQL: the "public" schema is dropped and recreated.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { closeDb, connection } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { EmbeddedDatabaseLockedError, openPglite } from "../lib/db/pglite";
import { env } from "../lib/env";

// Where the seed may live: prisma/seed/index.ts (what db:prepare imports), or a single-file
// variant. It must export `seed(prisma, { now })` and must not seed by itself when imported.
const SEED_MODULES = ["prisma/seed/index.ts", "prisma/seed.ts", "scripts/db-seed.ts"];

type SeedFn = (prisma: unknown, options: { now: Date }) => Promise<unknown>;

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const { NODE_ENV, DATABASE_URL, PGLITE_DIR } = env();
  if (NODE_ENV === "production" && !args.has("--force")) {
    throw new Error("Refusing to reset a database with NODE_ENV=production (pass --force if you really mean it).");
  }

  if (!DATABASE_URL) {
    if (!PGLITE_DIR.startsWith("memory://")) {
      // Taking (and releasing) the directory lock fails if a dev server or script has it open.
      const handle = openPglite(PGLITE_DIR);
      await handle.close().catch(() => {}); // a damaged database still gets deleted
      rmSync(path.resolve(PGLITE_DIR), { recursive: true, force: true });
      console.log(`Deleted the embedded database in ${PGLITE_DIR}.`);
    }
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
    const seedFile = SEED_MODULES.map((file) => path.resolve(file)).find((file) => existsSync(file));
    if (!seedFile) {
      console.log(`No seed script yet (${SEED_MODULES.join(" or ")}): the database is empty.`);
      return;
    }
    const { seed } = (await import(pathToFileURL(seedFile).href)) as { seed?: SeedFn };
    if (typeof seed !== "function") throw new Error(`${seedFile} does not export a seed() function`);
    await seed(db.prisma, { now: new Date() });
    console.log(`Seeded the demo data (${path.relative(process.cwd(), seedFile)}).`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
});
