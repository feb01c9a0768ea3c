import { beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../lib/auth/sign-in-throttle";
import { InputConflictError } from "../../lib/data/errors";
import { signIn } from "../../lib/data/login";
import { findActor, startSession } from "../../lib/data/sessions";
import { changeOwnPassword } from "../../lib/data/users";
import { db } from "../../lib/db/client";
import { createUser } from "../../prisma/seed/factories";
import { buildWorld } from "./world";

// Issue 9: changing one's own password checks the current one, a guess like a sign-in's (a
// session left open, a stolen cookie), so it takes from the sign-in throttle's budget for this
// address and account (rate_limits): after 10 wrong tries even the right password is refused.

beforeEach(async () => {
  await buildWorld();
});

const PASSWORD = "the old password 1";
const ADDRESS = "192.0.2.7";

async function signedIn() {
  const user = await createUser(db(), { role: "RELATIONSHIP_MANAGER", email: "guessed@it.test", password: PASSWORD });
  return (await findActor(await startSession(user.id)))!;
}

const fieldError = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputConflictError);
  return (error as InputConflictError).fieldErrors.currentPassword?.[0];
};

describe("changing one's own password", () => {
  it("is throttled after the sign-in budget of wrong current passwords, from that address, and writes nothing", async () => {
    const actor = await signedIn();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) {
      expect(await fieldError(changeOwnPassword(actor, `wrong guess ${i}`, "a brand new password", { address: ADDRESS }))).toBe("This is not your current password");
    }
    expect(await fieldError(changeOwnPassword(actor, PASSWORD, "a brand new password", { address: ADDRESS }))).toMatch(/^Too many wrong passwords\. Try again in \d+ minutes\.$/);
    // Nothing changed: the old password still signs in (from elsewhere), and no change was audited.
    expect((await signIn({ email: "guessed@it.test", password: PASSWORD, address: "198.51.100.1" })).status).toBe("ok");
    expect(await db().auditEvent.count({ where: { entityId: actor.id, action: "user.passwordChanged" } })).toBe(0);
    // The same budget as signing in: sign-in from that address to that account is refused too.
    expect((await signIn({ email: "guessed@it.test", password: PASSWORD, address: ADDRESS })).status).toBe("throttled");
  });

  it("a right password gives the try back, so a few slips never add up", async () => {
    const actor = await signedIn();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points - 1; i++) await fieldError(changeOwnPassword(actor, "slip", "a brand new password", { address: ADDRESS }));
    await changeOwnPassword(actor, PASSWORD, "a brand new password", { address: ADDRESS });
    expect((await signIn({ email: "guessed@it.test", password: "a brand new password", address: ADDRESS })).status).toBe("ok");
  });
});
