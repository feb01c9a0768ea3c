import { beforeEach, describe, expect, it } from "vitest";
import { authenticate, LOCK_MINUTES, MAX_FAILED_LOGINS } from "../../lib/data/login";
import { unlockUser } from "../../lib/data/users";
import { db } from "../../lib/db/client";
import { createUser } from "../../prisma/seed/factories";
import { actorOf } from "./world";

const PASSWORD = "correct horse battery staple";

describe("signing in", () => {
  let email: string;
  beforeEach(async () => {
    email = (await createUser(db(), { role: "CIO", email: "Cio@Example.test", password: PASSWORD })).email;
  });

  it("accepts the right password, case-insensitively on the e-mail, and records the sign-in", async () => {
    const actor = await authenticate("  CIO@example.TEST ", PASSWORD);
    expect(actor).toMatchObject({ email, role: "CIO" });
    expect(actor).not.toHaveProperty("passwordHash");
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    expect(await authenticate(email, "wrong password")).toBeNull();
    expect(await authenticate("nobody@example.test", PASSWORD)).toBeNull();
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) expect(await authenticate(email, "guess", now)).toBeNull();
    const locked = await db().user.findUniqueOrThrow({ where: { email } });
    expect(locked.lockedUntil?.toISOString()).toBe("2026-11-22T10:15:00.000Z");
    expect(await authenticate(email, PASSWORD, new Date("2026-11-22T10:14:00Z"))).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "user.locked", entityId: locked.id } })).toBe(1);
    // After the lock expires the right password works again.
    expect(await authenticate(email, PASSWORD, new Date("2026-11-22T10:16:00Z"))).not.toBeNull();
  });

  it("refuses a right password when the account was locked while it was being checked", async () => {
    const attempt = authenticate(email, PASSWORD);
    // The password check takes ~90 ms; lock the account by other failures meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 40));
    await db().user.update({ where: { email }, data: { lockedUntil: new Date(Date.now() + 15 * 60_000) } });
    expect(await attempt).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { email } })).lastLoginAt).toBeNull();
  });

  it("takes as long to refuse a locked account as to check a password", async () => {
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) await authenticate(email, "guess");
    const started = performance.now();
    expect(await authenticate(email, PASSWORD)).toBeNull();
    expect(performance.now() - started).toBeGreaterThan(30); // one scrypt: ~90 ms on these machines
  });

  it("counts concurrent failures", async () => {
    await Promise.all(Array.from({ length: MAX_FAILED_LOGINS }, () => authenticate(email, "guess")));
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.lockedUntil).not.toBeNull();
  });

  it("can be unlocked by an admin", async () => {
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) await authenticate(email, "guess");
    const admin = await createUser(db(), { role: "ADMIN" });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await unlockUser(actorOf(admin), user.id);
    expect(await authenticate(email, PASSWORD)).not.toBeNull();
  });
});
