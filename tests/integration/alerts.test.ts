import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { detectAlerts } from "../../lib/alerts/detect";
import { db } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import { deliverEmails, smtpTransport } from "../../lib/mail";
import { retryEmail } from "../../lib/mail/outbox";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import { jobs } from "../../lib/jobs/catalogue";
import { severity } from "../../lib/scoring";
import { createInteraction, createRating } from "../../prisma/seed/factories";
import { addresses, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { jobWorkersPerTest } from "./job-workers";
import { buildWorld, type World } from "./world";

// Alerts end to end on both databases: a stored diagnosis that worsens a unit's stage leaves a
// health_changes row (database triggers, same transaction), which the detect-alerts job turns into
// one alert, a notification for the unit's relationship manager and for the CIO, and an ALERT
// email each in the outbox; a re-diagnosis that changes nothing raises nothing.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The job asks for a delivery run (in this process on PGlite): stopped after each test.
jobWorkersPerTest();

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

/** Months of happy ratings, diagnosed yesterday: a healthy unit. */
async function healthyYesterday(accountId: string, now: Date) {
  for (let day = 3; day < 150; day += 9) {
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 5, recommend: 5, createdAt: new Date(now.getTime() - day * DAY) });
  }
  await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: new Date(now.getTime() - 4 * DAY), sentiment: "POSITIVE" });
  return recomputeAccountHealth(db(), accountId, new Date(now.getTime() - DAY));
}

/** A bad week: the client rates IT at 1 and says they will go elsewhere. */
async function badWeek(accountId: string, now: Date) {
  for (let hours = 2; hours < 7 * 24; hours += 12) {
    await createRating(db(), {
      accountId,
      userId: world.users.client.id,
      overall: 1,
      recommend: 1,
      comment: "We've given up waiting for IT; we'll do it ourselves. Maybe we should outsource the IT department.",
      createdAt: new Date(now.getTime() - hours * HOUR),
    });
  }
}

const runJob = (now: Date) => jobs["detect-alerts"].run({}, { now });
const detect = (now: Date) => detectAlerts(db(), now);

describe("alerts from changed diagnoses", () => {
  it("notifies the unit's relationship manager and the CIO, in the app and by email, once per change", async () => {
    const now = new Date();
    const accountId = world.accounts.mine.id;
    const before = await healthyYesterday(accountId, now);
    await detectAlerts(db(), now); // the first diagnosis (from insufficient data) is not news
    expect(await db().alert.count()).toBe(0);

    await badWeek(accountId, now);
    const after = await recomputeAccountHealth(db(), accountId, now);
    expect(severity(after.stage as never)).toBeGreaterThan(severity(before.stage as never));
    expect(await db().healthChange.count()).toBeGreaterThan(0);

    await runJob(now);
    const alerts = await db().alert.findMany({ where: { accountId } });
    expect(alerts.filter((a) => a.kind === "STAGE_WORSENED")).toEqual([
      expect.objectContaining({ fromStage: before.stage, toStage: after.stage, message: expect.stringMatching(/^Finance worsened from .+ to .+\.$/) }),
    ]);
    // The symptoms that made it worse are in that alert, not alerts of their own.
    expect(alerts.filter((a) => a.kind === "NEW_SYMPTOM")).toEqual([]);
    const notifications = await db().notification.findMany({ where: { alertId: alerts[0]?.id }, select: { userId: true, readAt: true } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([world.users.cio.id, world.users.rm.id].sort());
    const emails = await db().emailMessage.findMany({ where: { kind: "ALERT" }, select: { toAddress: true, status: true, subject: true } });
    expect(emails.map((e) => e.toAddress).sort()).toEqual([world.users.cio.email, world.users.rm.email].sort());
    expect(emails[0]).toMatchObject({ subject: expect.stringContaining("Finance worsened") });
    expect(await db().healthChange.count()).toBe(0);

    // Re-diagnosed later with nothing new: no change, no alert, no notification.
    const counts = { alerts: await db().alert.count(), notifications: await db().notification.count() };
    await recomputeAccountHealth(db(), accountId, new Date(now.getTime() + 5 * 60_000));
    await runJob(new Date(now.getTime() + 6 * 60_000));
    expect({ alerts: await db().alert.count(), notifications: await db().notification.count() }).toEqual(counts);
  });

  it("leaves out units nobody should hear about: other managers, turned-off emails, stale replays", async () => {
    const now = new Date();
    await db().user.update({ where: { id: world.users.cio.id }, data: { alertEmails: false } });
    await healthyYesterday(world.accounts.mine.id, now);
    await badWeek(world.accounts.mine.id, now);
    await recomputeAccountHealth(db(), world.accounts.mine.id, now);
    await detect(now);
    const notified = await db().notification.findMany({ select: { userId: true } });
    expect(notified.map((n) => n.userId)).not.toContain(world.users.otherRm.id);
    expect(notified.map((n) => n.userId)).toContain(world.users.cio.id);
    expect((await db().emailMessage.findMany({ select: { toAddress: true } })).map((e) => e.toAddress)).not.toContain(world.users.cio.email);

    // A replay of history (the seed, a backfill): changes diagnosed days ago are dropped unalerted.
    const alerts = await db().alert.count();
    const past = new Date(now.getTime() - 30 * DAY);
    await db().healthChange.create({ data: { accountId: world.accounts.theirs.id, at: past, fromStage: "HEALTHY", toStage: "FLU" } });
    await detect(now);
    expect(await db().alert.count()).toBe(alerts);
    expect(await db().healthChange.count()).toBe(0);
  });

  it("alerts a risk of the next stage crossing 70% once, and not again while it hovers there", async () => {
    const now = new Date();
    const accountId = world.accounts.theirs.id;
    const change = (at: Date, fromRisk: number, toRisk: number) => db().healthChange.create({ data: { accountId, at, fromStage: "FLU", toStage: "FLU", fromRisk, toRisk } });
    await change(new Date(now.getTime() - 3 * HOUR), 0.55, 0.72);
    await change(new Date(now.getTime() - 2 * HOUR), 0.72, 0.68);
    await change(new Date(now.getTime() - HOUR), 0.68, 0.71);
    await detect(now);
    const alerts = await db().alert.findMany({ select: { kind: true, message: true } });
    expect(alerts).toEqual([{ kind: "RISK_RISING", message: "Sales's risk of pneumonia rose to 72%." }]);
    const notified = await db().notification.findMany({ select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([world.users.cio.id, world.users.otherRm.id].sort());
  });
});

describe("alert emails through a real SMTP server", () => {
  let smtp: TestSmtpServer;
  const saved = process.env.PUBLIC_URL;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env.PUBLIC_URL = "https://rapport.test";
    resetEnvCache();
  });
  afterAll(async () => {
    await smtp.close();
    if (saved === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = saved;
    resetEnvCache();
  });

  it("sends each recipient the alert with links to the unit and the notifications page, unless they turned emails off meanwhile", async () => {
    smtp.received.length = 0;
    const now = new Date();
    await healthyYesterday(world.accounts.mine.id, now);
    await badWeek(world.accounts.mine.id, now);
    await recomputeAccountHealth(db(), world.accounts.mine.id, now);
    await detect(now);
    // The CIO turns alert emails off after the alert was queued: theirs does not go.
    await db().user.update({ where: { id: world.users.cio.id }, data: { alertEmails: false } });

    const result = await deliverEmails(db(), new Date(now.getTime() + 1000), { transport: smtpTransport({ host: smtp.host, port: smtp.port }) });
    expect(result).toMatchObject({ sent: 1, skipped: 1 });
    const [mail] = await smtp.waitFor(1);
    expect(addresses(mail?.parsed.to)).toEqual([world.users.rm.email]);
    expect(mail?.parsed.subject).toMatch(/^Rapport alert: Finance worsened from /);
    expect(mail?.parsed.text).toContain(`https://rapport.test/accounts/${world.accounts.mine.id}`);
    expect(mail?.parsed.text).toContain("https://rapport.test/notifications");
    expect(mail?.parsed.html).toContain("Turn it into an action");
    expect(mail?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    const cioEmail = await db().emailMessage.findFirstOrThrow({ where: { toAddress: world.users.cio.email } });
    expect(cioEmail).toMatchObject({ status: "FAILED", lastError: "Not sent: the user turned alert emails off" });

    // An admin's retry is refused while the reason holds, and queues it again once it no longer does.
    await expect(retryEmail(world.actors.admin, cioEmail.id)).rejects.toThrow("Not sent: the user turned alert emails off, so it will not be retried.");
    await db().user.update({ where: { id: world.users.cio.id }, data: { alertEmails: true } });
    await retryEmail(world.actors.admin, cioEmail.id);
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: cioEmail.id } })).status).toBe("QUEUED");
  });
});
