import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyUnsubscribeToken } from "../../lib/campaigns/tokens";
import { db } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import { jobs } from "../../lib/jobs/catalogue";
import { deliverEmails, mailboxTransport } from "../../lib/mail";
import { mailboxMessage, retryEmail } from "../../lib/mail/outbox";
import { pdfText } from "../support/pdf-text";
import { addresses, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { jobWorkersPerTest, until } from "./job-workers";
import { buildWorld, type World } from "./world";

// The monthly-reports job: one email per unit and month to the unit's sponsor, the report's PDF
// attached, through the outbox to a real SMTP server; running it again (or twice at once) sends
// nothing twice. The job asks for delivery itself (the job queue: in-process on PGlite, a pg-boss
// worker on PostgreSQL), which sends through the SMTP server SMTP_HOST names.

const NOW = new Date("2026-12-01T07:00:00Z");

let smtp: TestSmtpServer;
const saved = { ...process.env };
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.PUBLIC_URL = "https://rapport.test";
  process.env.MAIL_FROM = "Rapport <rapport@example.org>";
  process.env.SMTP_HOST = smtp.host;
  process.env.SMTP_PORT = String(smtp.port);
  resetEnvCache();
});
afterAll(async () => {
  await smtp.close();
  for (const key of ["PUBLIC_URL", "MAIL_FROM", "SMTP_HOST", "SMTP_PORT"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
});

const { startWorker } = jobWorkersPerTest();
let world: World;
beforeEach(async () => {
  smtp.received.length = 0;
  world = await buildWorld();
  await startWorker();
});

/** The report emails' statuses once none is waiting to go. */
const settled = () =>
  until(
    () => db().emailMessage.findMany({ where: { kind: "MONTHLY_REPORT" }, orderBy: { toAddress: "asc" }, select: { toAddress: true, status: true, lastError: true } }),
    (rows) => rows.every((row) => row.status === "SENT" || row.status === "FAILED"),
  );
const runJob = (payload: { month?: string } = {}) => jobs["monthly-reports"].run(payload, { now: NOW });

async function sponsors() {
  const { mine, theirs } = world.accounts;
  // Finance names its sponsor; Sales has a contact with the sponsor role; nobody else gets one.
  const dana = await db().contact.create({ data: { accountId: mine.id, name: "Dana Sponsor", email: "dana@finance.test", role: "SPONSOR" } });
  await db().account.update({ where: { id: mine.id }, data: { sponsorContactId: dana.id } });
  await db().contact.create({ data: { accountId: theirs.id, name: "Sam Sales", email: "sam@sales.test", role: "SPONSOR" } });
  await db().project.create({ data: { accountId: mine.id, name: "Close automation", description: "Month-end close in two days", status: "DELIVERED", plannedEnd: new Date("2026-11-10"), actualEnd: new Date("2026-11-12") } });
  return { dana };
}

describe("the monthly report emails", () => {
  it("queue one email per unit with a sponsor, and send each with its report attached as PDF", async () => {
    const { dana } = await sponsors();
    const archived = await db().account.create({ data: { name: "Old unit", archivedAt: new Date("2026-01-01") } });
    await db().contact.create({ data: { accountId: archived.id, name: "Gone", email: "gone@old.test", role: "SPONSOR" } });

    const result = (await runJob()) as { queued: number; already: number; skipped: unknown[] };
    expect(result).toMatchObject({ queued: 2, already: 0, skipped: [] });
    const queued = await db().emailMessage.findMany({ where: { kind: "MONTHLY_REPORT" }, orderBy: { toAddress: "asc" }, select: { toAddress: true, reportMonth: true, subject: true, status: true } });
    expect(queued).toEqual([
      { toAddress: "dana@finance.test", reportMonth: "2026-11", subject: "Finance: IT's value report for November 2026", status: "QUEUED" },
      { toAddress: "sam@sales.test", reportMonth: "2026-11", subject: "Sales: IT's value report for November 2026", status: "QUEUED" },
    ]);

    const mails = await smtp.waitFor(2, 30_000);
    expect((await settled()).map((row) => row.status)).toEqual(["SENT", "SENT"]);
    const finance = mails.find((m) => addresses(m.parsed.to).includes("dana@finance.test"));
    expect(finance?.parsed.subject).toBe("Finance: IT's value report for November 2026");
    expect(finance?.parsed.text).toContain("Projects delivered: 1");
    expect(finance?.parsed.text).toContain("https://rapport.test/accounts/");
    // Unsubscribing (one click, or the link in the text) names the sponsor.
    const oneClick = /^List-Unsubscribe: <https:\/\/rapport\.test\/api\/unsubscribe\/([^>]+)>\r?$/m.exec(finance!.raw.replace(/\r?\n[ \t]+/g, " "))?.[1];
    expect(verifyUnsubscribeToken(oneClick!)).toBe(dana.id);
    const [pdf] = finance?.parsed.attachments ?? [];
    expect(pdf).toMatchObject({ filename: "finance-value-report-2026-11.pdf", contentType: "application/pdf" });
    if (!pdf) throw new Error("no PDF attached");
    const text = await pdfText(new Uint8Array(pdf.content));
    expect(text).toContain("Finance: IT's value report, November 2026");
    expect(text).toContain("Close automation");
    expect(text).not.toContain("Sales");
  });

  it("sends nothing twice: a second run, two runs at once, and a run after delivery queue nothing more", async () => {
    await sponsors();
    await Promise.all([runJob(), runJob()]);
    expect(await db().emailMessage.count({ where: { kind: "MONTHLY_REPORT" } })).toBe(2);
    await smtp.waitFor(2, 30_000);
    await settled();
    expect(await runJob()).toMatchObject({ queued: 0, already: 2 });
    // A delivery run finds nothing left to send.
    expect(await deliverEmails(db(), NOW)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
    // Another month is another email.
    expect(await runJob({ month: "2026-10" })).toMatchObject({ queued: 2 });
  });

  it("skips a unit with no sponsor, and does not send to a sponsor who unsubscribed meanwhile", async () => {
    const { dana } = await sponsors();
    await db().contact.updateMany({ where: { accountId: world.accounts.theirs.id }, data: { email: null } });
    // Unsubscribed after the job queued her email, before it went: queued by hand here, so that the
    // job's own delivery request cannot send it first.
    await db().contact.update({ where: { id: dana.id }, data: { unsubscribedAt: NOW } });
    expect(await runJob()).toMatchObject({ queued: 0, skipped: [{ account: "Finance", reason: "Dana Sponsor unsubscribed" }, { account: "Sales", reason: "no sponsor with an email address" }] });
    await db().emailMessage.create({ data: { kind: "MONTHLY_REPORT", accountId: world.accounts.mine.id, reportMonth: "2026-11", toAddress: "dana@finance.test", subject: "Finance", createdAt: NOW, nextAttemptAt: NOW } });
    expect(await deliverEmails(db(), NOW)).toMatchObject({ sent: 0, skipped: 1 });
    expect(await db().emailMessage.findFirst({ where: { kind: "MONTHLY_REPORT" }, select: { status: true, lastError: true } })).toEqual({ status: "FAILED", lastError: "Not sent: the sponsor unsubscribed" });
    expect(smtp.received).toHaveLength(0);

    // An admin's retry is refused while she is unsubscribed, and queues it again once she is not.
    const email = await db().emailMessage.findFirstOrThrow({ where: { kind: "MONTHLY_REPORT" }, select: { id: true } });
    await expect(retryEmail(world.actors.admin, email.id, NOW)).rejects.toThrow("Not sent: the sponsor unsubscribed, so it will not be retried.");
    await db().contact.update({ where: { id: dana.id }, data: { unsubscribedAt: null } });
    await retryEmail(world.actors.admin, email.id, NOW);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: email.id }, select: { status: true } })).toEqual({ status: "QUEUED" });
  });

  it("can be read again in the development mailbox, with its attachment named, and says why once it would not go", async () => {
    const { dana } = await sponsors();
    // Queued by hand and sent to the mailbox: the job's own delivery would send it by SMTP first.
    const { id } = await db().emailMessage.create({
      data: { kind: "MONTHLY_REPORT", accountId: world.accounts.mine.id, reportMonth: "2026-11", toAddress: "dana@finance.test", subject: "Finance: IT's value report for November 2026", createdAt: NOW, nextAttemptAt: NOW },
    });
    expect(await deliverEmails(db(), NOW, { transport: mailboxTransport })).toMatchObject({ sent: 1 });
    const message = await mailboxMessage(world.actors.admin, id);
    if ("unavailable" in message) throw new Error(message.unavailable);
    expect(message.rendered.text).toContain("Projects delivered: 1");
    expect(message.rendered.attachments?.map((file) => file.filename)).toEqual(["finance-value-report-2026-11.pdf"]);
    expect(message.rating).toBeNull();

    await db().contact.update({ where: { id: dana.id }, data: { unsubscribedAt: NOW } });
    expect(await mailboxMessage(world.actors.admin, id)).toMatchObject({ unavailable: "Not sent: the sponsor unsubscribed" });
  });
});
