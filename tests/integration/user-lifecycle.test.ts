import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import { signIn } from "../../lib/data/login";
import { findActor, startSession } from "../../lib/data/sessions";
import { changeOwnPassword, endAllSessions, getUser, resetPassword, setUserActive, updateUser } from "../../lib/data/users";
import { db } from "../../lib/db/client";
import { changePasswordInputSchema, editUserInputSchema } from "../../lib/validation/user";
import { createUser } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// Issue 6 §9: administrators edit, deactivate and reset users; users change their own password.
// Issue 9 §3: deactivation, a password change or reset and a role change end every session the
// user holds (the rows, in the same transaction), whatever cookie they keep.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const PASSWORD = "the old password 1";

/** Whether this e-mail and password sign in (from a fixed test address). */
const signsIn = async (email: string, password: string) => (await signIn({ email, password, address: "192.0.2.1" })).status === "ok";

/** The reasons the user's sessions ended, oldest first. */
const endReasons = async (userId: string) =>
  (await db().userSession.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { endReason: true } })).map((row) => row.endReason);

describe("an administrator manages a user", () => {
  it("corrects name, role and account, audited with before and after", async () => {
    const user = await createUser(db(), { role: "CIO", name: "Sam Old" });
    const session = await startSession(user.id);
    await updateUser(world.actors.admin, editUserInputSchema.parse({ userId: user.id, name: "Sam New", role: "CLIENT", accountId: world.accounts.mine.id }));
    expect(await getUser(world.actors.admin, user.id)).toMatchObject({ name: "Sam New", role: "CLIENT", accountId: world.accounts.mine.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.updated" } });
    expect(audit.details).toEqual({
      before: { name: "Sam Old", role: "CIO", accountId: null },
      after: { name: "Sam New", role: "CLIENT", accountId: world.accounts.mine.id },
    });
    // A session opened under the old role is over; a new one has the new role.
    expect(await findActor(session)).toBeNull();
    expect(await endReasons(user.id)).toEqual(["role"]);
    expect(await findActor(await startSession(user.id))).toMatchObject({ role: "CLIENT", accountId: world.accounts.mine.id });
    // A change of name alone leaves sessions open.
    const renamed = await startSession(user.id);
    await updateUser(world.actors.admin, editUserInputSchema.parse({ userId: user.id, name: "Sam Newer", role: "CLIENT", accountId: world.accounts.mine.id }));
    expect(await findActor(renamed)).toMatchObject({ name: "Sam Newer" });
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
    const sessions = [await startSession(user.id), await startSession(user.id)];
    expect(await findActor(sessions[0]!)).not.toBeNull();

    await setUserActive(world.actors.admin, user.id, false);
    for (const session of sessions) expect(await findActor(session)).toBeNull();
    expect(await endReasons(user.id)).toEqual(["deactivated", "deactivated"]);
    expect(await signsIn("leaver@it.test", PASSWORD)).toBe(false);
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.deactivated" } })).toBe(1);

    await setUserActive(world.actors.admin, user.id, true);
    // Reactivation opens nothing old again.
    for (const session of sessions) expect(await findActor(session)).toBeNull();
    expect(await signsIn("leaver@it.test", PASSWORD)).toBe(true);
    // Repeating a state records nothing new.
    await setUserActive(world.actors.admin, user.id, true);
    expect(await db().auditEvent.count({ where: { entityId: user.id } })).toBe(2);
  });
});

describe("passwords", () => {
  it("an administrator's reset replaces the password and ends every session", async () => {
    const user = await createUser(db(), { role: "CIO", email: "forgot@it.test", password: PASSWORD });
    const session = await startSession(user.id);
    const resetAt = new Date();
    await resetPassword(world.actors.admin, user.id, "a brand new password", resetAt);

    expect(await signsIn("forgot@it.test", PASSWORD)).toBe(false);
    expect(await signsIn("forgot@it.test", "a brand new password")).toBe(true);
    expect(await findActor(session)).toBeNull();
    expect(await db().userSession.findUniqueOrThrow({ where: { id: session } })).toMatchObject({ endedAt: resetAt, endReason: "password" });
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.passwordReset" } })).toBe(1);
  });

  it("a user changes their own password only by proving the current one; every session ends", async () => {
    const user = await createUser(db(), { role: "RELATIONSHIP_MANAGER", email: "me@it.test", password: PASSWORD });
    const session = await startSession(user.id);
    const actor = (await findActor(session))!;
    await expect(changeOwnPassword(actor, "not my password", "a brand new password")).rejects.toThrow(InputConflictError);
    expect(await findActor(session)).not.toBeNull();

    await changeOwnPassword(actor, PASSWORD, "a brand new password");
    expect(await signsIn("me@it.test", "a brand new password")).toBe(true);
    expect(await findActor(session)).toBeNull();
    expect(await endReasons(user.id)).toEqual(["password", null]);
  });

  it("an administrator signs a user out everywhere, audited; they can sign in again", async () => {
    const user = await createUser(db(), { role: "CIO", email: "lost.laptop@it.test", password: PASSWORD });
    const sessions = [await startSession(user.id), await startSession(user.id)];
    await expect(endAllSessions(world.actors.cio, user.id)).rejects.toThrow(ForbiddenError);
    expect(await endAllSessions(world.actors.admin, user.id)).toMatchObject({ ended: 2 });
    for (const session of sessions) expect(await findActor(session)).toBeNull();
    expect(await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.signedOut" } })).toMatchObject({ details: { sessions: 2 } });
    expect(await signsIn("lost.laptop@it.test", PASSWORD)).toBe(true);
  });

  it("the change form names what is wrong", () => {
    const paths = (input: Record<string, string>) => changePasswordInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ currentPassword: "x", password: "short", confirmPassword: "short" })).toEqual(["password"]);
    expect(paths({ currentPassword: "x", password: "a brand new password", confirmPassword: "another one entirely" })).toEqual(["confirmPassword"]);
    expect(paths({ currentPassword: "a brand new password", password: "a brand new password", confirmPassword: "a brand new password" })).toEqual(["password"]);
  });
});
