// npm run db:seed — replaces all data in the configured database (DATABASE_URL, or the embedded
// PGlite in PGLITE_DIR) with the demo story. Refused when NODE_ENV=production unless --force.
import { pathToFileURL } from "node:url";
import { closeDb, connection } from "../lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seed } from "../prisma/seed";

async function main(): Promise<void> {
  const force = process.argv.includes("--force");
  if (process.env.NODE_ENV === "production" && !force) {
    throw new Error("Refusing to seed: NODE_ENV=production and seeding deletes all data. Re-run with --force if you really mean it.");
  }
  const db = connection();
  console.log(`Seeding ${db.kind} ${db.location} (all existing data is replaced)…`);
  const result = await seed(db.prisma, { now: new Date() });

  const written = Object.entries(result.counts).map(([table, n]) => `${n} ${table.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`);
  console.log(`Wrote ${written.join(", ")} in ${result.ms} ms.`);
  console.log("\nAccounts:");
  for (const a of result.accounts) {
    const flag = a.stage === a.intendedStage ? "" : `  (story intends ${a.intendedStage})`;
    console.log(`  ${a.name.padEnd(20)} ${a.stage.padEnd(24)} score ${String(a.score ?? "—").padStart(3)}${flag}`);
  }
  console.log(`\nDemo logins (password: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) {
    const scope = u.accountName ?? (u.accountNames?.length ? u.accountNames.join(", ") : "all accounts");
    console.log(`  ${u.email.padEnd(36)} ${u.role.padEnd(21)} ${scope}`);
  }
}

// Only when run, never when imported (db:reset looks for a seed module and imports it).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
    .catch((error: unknown) => {
      console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
