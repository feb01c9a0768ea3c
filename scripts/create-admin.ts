// npm run admin:create -- EMAIL "FULL NAME"   (the password is read from ADMIN_PASSWORD)
// Creates an administrator on any database, e.g. the first one in production; they add the rest
// from the Users page.
import { createFirstAdmin } from "../lib/data/users";
import { closeDb } from "../lib/db/client";
import { isExpectedError } from "../lib/data/errors";
import { newUserInputSchema } from "../lib/validation/user";

async function main(): Promise<number> {
  const [email, name] = process.argv.slice(2);
  const parsed = newUserInputSchema.safeParse({ email, name, role: "ADMIN", password: process.env.ADMIN_PASSWORD });
  if (!parsed.success) {
    console.error('Usage: ADMIN_PASSWORD=… npm run admin:create -- EMAIL "FULL NAME"');
    for (const issue of parsed.error.issues) console.error(`  ${issue.path.join(".") === "password" ? "ADMIN_PASSWORD" : issue.path.join(".")}: ${issue.message}`);
    return 2;
  }
  try {
    await createFirstAdmin(parsed.data);
    console.log(`Administrator ${parsed.data.email} created.`);
    return 0;
  } catch (error) {
    console.error(isExpectedError(error) ? error.message : error);
    return 1;
  } finally {
    await closeDb();
  }
}

main().then((code) => process.exit(code));
