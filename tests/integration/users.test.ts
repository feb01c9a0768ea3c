import { beforeEach, describe, expect, it } from "vitest";
import { InputConflictError, NotFoundError } from "../../lib/data/errors";
import { signIn } from "../../lib/data/login";
import { createFirstAdmin, createUser, endAllSessions, listUsers } from "../../lib/data/users";
import { db } from "../../lib/db/client";
import { newUserInputSchema } from "../../lib/validation/user";
import { buildWorld, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe("managing users", () => {
  it("creates a client who can sign in, audited", async () => {
    const input = newUserInputSchema.parse({
      name: "New Client",
      email: "New.Client@Finance.test",
      role: "CLIENT",
      accountId: world.accounts.mine.id,
      password: "a long enough password",
    });
    const { id } = await createUser(world.actors.admin, input);
    const signedIn = await signIn({ email: "new.client@finance.test", password: "a long enough password", address: "192.0.2.1" });
    expect(signedIn).toMatchObject({ status: "ok", actor: { id, accountId: world.accounts.mine.id } });
    expect(await db().auditEvent.count({ where: { action: "user.created", entityId: id } })).toBe(1);
    expect((await listUsers(world.actors.admin)).map((user) => user.email)).toContain("new.client@finance.test");
  });

  it("refuses a duplicate e-mail and an unknown account, writing nothing", async () => {
    const base = { name: "Someone", role: "RELATIONSHIP_MANAGER", password: "a long enough password" };
    const duplicate = newUserInputSchema.parse({ ...base, email: world.users.cio.email.toUpperCase() });
    await expect(createUser(world.actors.admin, duplicate)).rejects.toBeInstanceOf(InputConflictError);
    const ghostAccount = newUserInputSchema.parse({ ...base, role: "CLIENT", email: "ghost@x.test", accountId: "czzzzzzzzzzzzzzzzzzzzzzzz" });
    await expect(createUser(world.actors.admin, ghostAccount)).rejects.toBeInstanceOf(InputConflictError);
    expect(await db().user.count()).toBe(6);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("validates roles against accounts and password length", () => {
    const result = newUserInputSchema.safeParse({ name: "X Y", email: "not-an-email", role: "CLIENT", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["accountId", "email", "password"]);
  });

  it("answers 404 when signing out a user that does not exist", async () => {
    await expect(endAllSessions(world.actors.admin, "czzzzzzzzzzzzzzzzzzzzzzzz")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("creates the first administrator from the command line, audited without an actor", async () => {
    const input = newUserInputSchema.parse({ name: "First Admin", email: "first@it.test", role: "ADMIN", password: "a long enough password" });
    const { id } = await createFirstAdmin(input);
    expect(await db().auditEvent.findFirst({ where: { entityId: id } })).toMatchObject({ action: "user.created", actorId: null });
    const notAdmin = newUserInputSchema.parse({ ...input, email: "second@it.test", role: "CIO" });
    await expect(createFirstAdmin(notAdmin)).rejects.toBeInstanceOf(InputConflictError);
    expect(await db().user.count({ where: { email: "second@it.test" } })).toBe(0);
  });
});
