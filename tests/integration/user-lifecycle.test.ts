import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import { authenticate, findActor } from "../../lib/data/login";
import { changeOwnPassword, getUser, resetPassword, setUserActive, updateUser } from "../../lib/data/users";
import { db } from "../../lib/db/client";
import { changePasswordInputSchema, editUserInputSchema } from "../../lib/validation/user";
import { createUser } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// Issue 6 §9: administrators edit, deactivate and reset users; users change their own password;
// a deactivated user (or one whose password changed since they signed in) loses access at the
// next request, whatever session cookie they hold.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const PASSWORD = "the old password 1";
const signedInAt = new Date("2026-01-01T00:00:00Z");

describe("an administrator manages a user", () => {
  it("corrects name, role and account, audited with before and after", async () => {
    const user = await createUser(db(), { role: "CIO", name: "Sam Old" });
    await updateUser(world.actors.admin, editUserInputSchema.parse({ userId: user.id, name: "Sam New", role: "CLIENT", accountId: world.accounts.mine.id }));
    expect(await getUser(world.actors.admin, user.id)).toMatchObject({ name: "Sam New", role: "CLIENT", accountId: world.accounts.mine.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.updated" } });
    expect(audit.details).toEqual({
      before: { name: "Sam Old", role: "CIO", accountId: null },
      after: { name: "Sam New", role: "CLIENT", accountId: world.accounts.mine.id },
    });
    // The role change applies at the user's next request.
    expect(await findActor(user.id, signedInAt)).toMatchObject({ role: "CLIENT", accountId: world.accounts.mine.id });
  });

  it("refuses changes that would leave a unit without its manager or lock the admin out", async () => {
    const demote = editUserInputSchema.parse({ userId: world.users.rm.id, name: world.users.rm.name, role: "CIO" });
    await expect(updateUser(world.actors.admin, demote)).rejects.toThrow("Reassign their 1 business unit");
    await expect(setUserActive(world.actors.admin, world.users.rm.id, false)).rejects.toThrow(InputConflictError);
    const self = editUserInputSchema.parse({ userId: world.users.admin.id, name: "Me", role: "CIO" });
    await expect(updateUser(world.actors.admin, self)).rejects.toThrow("your own administrator role");
    await expect(setUserActive(world.actors.admin, world.users.admin.id, false)).rejects.toThrow("cannot deactivate yourself");
    expect((await db().user.findUniqueOrThrow({ where: { id: world.users.rm.id } })).role).toBe("RELATIONSHIP_MANAGER");
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("is for administrators only, and unknown users are not found", async () => {
    for (const actor of [world.actors.cio, world.actors.rm, world.actors.client]) {
      await expect(getUser(actor, world.users.cio.id)).rejects.toThrow(ForbiddenError);
      await expect(setUserActive(actor, world.users.cio.id, false)).rejects.toThrow(ForbiddenError);
      await expect(resetPassword(actor, world.users.cio.id, "a brand new password")).rejects.toThrow(ForbiddenError);
    }
    await expect(getUser(world.actors.admin, "czzzzzzzzzzzzzzzzzzzzzzzz")).rejects.toThrow(NotFoundError);
    await expect(setUserActive(world.actors.admin, "czzzzzzzzzzzzzzzzzzzzzzzz", false)).rejects.toThrow(NotFoundError);
  });
});

describe("deactivation", () => {
  it("ends the user's sessions at their next request and refuses sign-in, until reactivated", async () => {
    const user = await createUser(db(), { role: "CIO", email: "leaver@it.test", password: PASSWORD });
    expect(await findActor(user.id, signedInAt)).not.toBeNull();

    await setUserActive(world.actors.admin, user.id, false);
    expect(await findActor(user.id, signedInAt)).toBeNull();
    expect(await authenticate("leaver@it.test", PASSWORD)).toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.deactivated" } })).toBe(1);

    await setUserActive(world.actors.admin, user.id, true);
    expect(await authenticate("leaver@it.test", PASSWORD)).toMatchObject({ id: user.id });
    // Repeating a state records nothing new.
    await setUserActive(world.actors.admin, user.id, true);
    expect(await db().auditEvent.count({ where: { entityId: user.id } })).toBe(2);
  });
});

describe("passwords", () => {
  it("an administrator's reset replaces the password, unlocks, and ends older sessions", async () => {
    const user = await createUser(db(), { role: "CIO", email: "forgot@it.test", password: PASSWORD });
    await db().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 3 } });
    const resetAt = new Date();
    await resetPassword(world.actors.admin, user.id, "a brand new password", resetAt);

    expect(await authenticate("forgot@it.test", PASSWORD)).toBeNull();
    expect(await authenticate("forgot@it.test", "a brand new password")).toMatchObject({ id: user.id });
    expect(await findActor(user.id, new Date(resetAt.getTime() - 1))).toBeNull();
    expect(await findActor(user.id, new Date(resetAt.getTime() + 1))).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.passwordReset" } })).toBe(1);
  });

  it("a user changes their own password only by proving the current one", async () => {
    const user = await createUser(db(), { role: "RELATIONSHIP_MANAGER", email: "me@it.test", password: PASSWORD });
    const actor = (await findActor(user.id, signedInAt))!;
    await expect(changeOwnPassword(actor, "not my password", "a brand new password")).rejects.toThrow(InputConflictError);
    expect(await authenticate("me@it.test", PASSWORD)).not.toBeNull();

    await changeOwnPassword(actor, PASSWORD, "a brand new password");
    expect(await authenticate("me@it.test", "a brand new password")).toMatchObject({ id: user.id });
    expect(await findActor(user.id, signedInAt)).toBeNull();
  });

  it("the change form names what is wrong", () => {
    const paths = (input: Record<string, string>) => changePasswordInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ currentPassword: "x", password: "short", confirmPassword: "short" })).toEqual(["password"]);
    expect(paths({ currentPassword: "x", password: "a brand new password", confirmPassword: "another one entirely" })).toEqual(["confirmPassword"]);
    expect(paths({ currentPassword: "a brand new password", password: "a brand new password", confirmPassword: "a brand new password" })).toEqual(["password"]);
  });
});
