// npm run db:prepare — what `npm run dev` does first: bring the database up to date, and give an
// empty development database the demo story, so a fresh clone starts with something to look at.
import { connection } from "../lib/db/client";
import { EmbeddedDatabaseLockedError } from "../lib/db/pglite";
import { applyMigrations } from "../lib/db/migrate";
import { seed } from "../prisma/seed";

async function main(): Promise<void> {
  const db = connection();
  try {
    const applied = await applyMigrations(db.adapterFactory);
    console.log(`Database (${db.kind}, ${db.location}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}.`);
    const users = await db.prisma.user.count();
    if (users === 0 && process.env.NODE_ENV !== "production") {
      console.log("The database is empty: writing the demo story (npm run db:seed does this again at any time)…");
      await seed(db.prisma, { now: new Date() });
      console.log("Demo data ready. Sign in with the demo logins in README.md.");
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseLockedError ? error.message : error);
  process.exit(1);
});
