// npm run db:migration:new -- NAME — writes prisma/migrations/<UTC timestamp>_<name>/migration.sql
// with the SQL from the schema the existing migrations build to the current prisma/schema.prisma
// (what `prisma migrate dev --create-only --name NAME` writes). The existing migrations are
// replayed on a throwaway in-memory PGlite, so no database (and no configured one) is touched.
// Review the SQL, then apply it with `npm run db:migrate`.
import path from "node:path";
import { createMigration } from "../lib/db/migrate";

async function main(): Promise<void> {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    console.error("Usage: npm run db:migration:new -- NAME   (e.g. add_contact_phone)");
    process.exit(2);
  }
  const created = await createMigration({ name });
  if (!created) {
    console.log("No changes: prisma/schema.prisma matches what the migrations build. Nothing written.");
    return;
  }
  console.log(`Wrote ${path.relative(process.cwd(), path.join(created.directory, "migration.sql"))}:\n`);
  console.log(created.sql);
  console.log("Review it, then run: npm run db:migrate");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
