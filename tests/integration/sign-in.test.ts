import { beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_USER_HASH, verifyPassword } from "../../lib/auth/password";
import { createSignInThrottle, SIGN_IN_LIMITS } from "../../lib/auth/sign-in-throttle";
import { signIn } from "../../lib/data/login";
import { connection, db } from "../../lib/db/client";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { createUser } from "../../prisma/seed/factories";

// Sign-in throttling (decision 012): guesses are limited at their source (an address, and an
// address with an account), before any password hashing, in PostgreSQL; the account's owner
// elsewhere is never locked out.

const PASSWORD = "correct horse battery staple";
const ATTACKER = "203.0.113.66";
const OWNER = "198.51.100.20";

let email: string;
beforeEach(async () => {
  email = (await createUser(db(), { role: "CIO", email: "Cio@Example.test", password: PASSWORD })).email;
});

const attempt = (password: string, address: string | null = ATTACKER, throttle = createSignInThrottle()) => signIn({ email, password, address, throttle });

/** CPU time (all of this process's threads: scrypt runs on libuv's pool) spent by `work`, in ms. */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe("signing in", () => {
  it("accepts the right password, case-insensitively on the e-mail, records it and opens a session", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const result = await signIn({ email: "  CIO@example.TEST ", password: PASSWORD, address: OWNER, now });
    if (result.status !== "ok") throw new Error(`expected ok, got ${result.status}`);
    expect(result.actor).toMatchObject({ email, role: "CIO" });
    expect(result.actor).not.toHaveProperty("passwordHash");
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect((await db().user.findUniqueOrThrow({ where: { email } })).lastLoginAt).toEqual(now);
    expect(await db().userSession.findUniqueOrThrow({ where: { id: result.sessionId } })).toMatchObject({
      userId: result.actor.id,
      lastSeenAt: now,
      expiresAt: new Date("2026-11-22T22:00:00Z"),
      endedAt: null,
    });
  });

  it("refuses a wrong password and an unknown e-mail alike, opening no session", async () => {
    expect(await attempt("wrong password")).toEqual({ status: "refused" });
    expect(await signIn({ email: "nobody@example.test", password: PASSWORD, address: ATTACKER })).toEqual({ status: "refused" });
    expect(await db().userSession.count()).toBe(0);
  });
});

describe("throttling the source of guesses, never the account", () => {
  it("50 wrong passwords for the CIO from one address do not stop the CIO signing in from another", async () => {
    const results = [];
    for (let i = 0; i < 50; i++) results.push((await attempt(`guess ${i}`)).status);
    expect(results.filter((status) => status === "refused")).toHaveLength(SIGN_IN_LIMITS.perAccount.points);
    expect(results.slice(SIGN_IN_LIMITS.perAccount.points).every((status) => status === "throttled")).toBe(true);
    // The guesser is refused even the right password, and told how long to wait (the window's rest).
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe("throttled");
    if (blocked.status === "throttled") expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((await attempt(PASSWORD, OWNER)).status).toBe("ok");
  });

  it("throttles an unknown e-mail the same way, so the answer says nothing about which exist", async () => {
    const throttle = createSignInThrottle(db(), { ...SIGN_IN_LIMITS, perAccount: { points: 3, duration: 900 } });
    const ghost = (password: string) => signIn({ email: "ghost@example.test", password, address: ATTACKER, throttle });
    for (let i = 0; i < 3; i++) expect((await ghost(`guess ${i}`)).status).toBe("refused");
    expect((await ghost("one more")).status).toBe("throttled");
  });

  it("refuses a throttled attempt without hashing the password", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) await attempt(`guess ${i}`);
    const hashing = await cpuMs(async () => {
      for (let i = 0; i < 5; i++) await verifyPassword(PASSWORD, UNKNOWN_USER_HASH);
    });
    const blocked = await cpuMs(async () => {
      for (let i = 0; i < 5; i++) expect((await attempt(PASSWORD)).status).toBe("throttled");
    });
    // Five hashes cost ~450 ms of CPU here; five refusals a few ms of SQL (PGlite's included).
    expect(blocked).toBeLessThan(hashing / 3);
  });

  it("limits one address over many accounts too", async () => {
    const throttle = createSignInThrottle(db(), { perAccount: SIGN_IN_LIMITS.perAccount, perAddress: { points: 5, duration: 3600 } });
    for (let i = 0; i < 5; i++) {
      expect((await signIn({ email: `victim${i}@example.test`, password: "guess", address: ATTACKER, throttle })).status).toBe("refused");
    }
    expect((await attempt(PASSWORD, ATTACKER, throttle)).status).toBe("throttled");
    expect((await attempt(PASSWORD, OWNER, throttle)).status).toBe("ok");
  });

  it("forgives the attempts of someone who then gets it right", async () => {
    const throttle = createSignInThrottle(db(), { ...SIGN_IN_LIMITS, perAccount: { points: 3, duration: 900 } });
    for (let i = 0; i < 2; i++) await attempt(`typo ${i}`, OWNER, throttle);
    expect((await attempt(PASSWORD, OWNER, throttle)).status).toBe("ok");
    // Counted, the right password would have been the budget's last point.
    for (let i = 0; i < 2; i++) expect((await attempt(`typo ${i}`, OWNER, throttle)).status).toBe("refused");
  });

  it("counts concurrent guesses: no burst gets more than the budget", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`guess ${i}`)));
    expect(results.filter((result) => result.status === "refused")).toHaveLength(SIGN_IN_LIMITS.perAccount.points);
  });

  it("is shared by two instances: two database clients on the same database", async () => {
    const other = new PrismaClient({ adapter: connection().adapterFactory });
    try {
      const one = createSignInThrottle(db());
      const two = createSignInThrottle(other);
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) await attempt(`guess ${i}`, ATTACKER, i % 2 ? one : two);
      expect((await attempt(PASSWORD, ATTACKER, one)).status).toBe("throttled");
      expect((await attempt(PASSWORD, ATTACKER, two)).status).toBe("throttled");
    } finally {
      await other.$disconnect();
    }
  });

  it("counts every client under one unknown address when no proxy is declared", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) await attempt(`guess ${i}`, null);
    expect((await attempt(PASSWORD, null)).status).toBe("throttled");
    expect((await attempt(PASSWORD, OWNER)).status).toBe("ok");
  });
});
