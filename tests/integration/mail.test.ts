import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken, newTokenSalt, invitationToken, verifyUnsubscribeToken } from "../../lib/campaigns/tokens";
import { ForbiddenError, InputConflictError } from "../../lib/data/errors";
import { db } from "../../lib/db/client";
import { env, publicUrl, resetEnvCache } from "../../lib/env";
import { jobs } from "../../lib/jobs/catalogue";
import { deliverEmails, mailboxTransport, queueInvitationEmail, requestDelivery, smtpTransport } from "../../lib/mail";
import { INTERRUPTED, MAX_ATTEMPTS } from "../../lib/mail/delivery";
import { listMailbox, mailboxMessage, outboxSummary, retryEmail } from "../../lib/mail/outbox";
import { addresses, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { jobWorkersPerTest, until } from "./job-workers";
import { buildWorld, type World } from "./world";

// The outbox against a real SMTP server (smtp-server on a free port, messages parsed with
// mailparser), on both databases, with an injected clock.

const NOW = new Date("2026-12-02T09:00:00Z");
const MINUTE = 60_000;
const DAY = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

let smtp: TestSmtpServer;
const saved = { ...process.env };
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.PUBLIC_URL = "https://rapport.test";
  process.env.MAIL_FROM = "Rapport <rapport@example.org>";
  resetEnvCache();
});
afterAll(async () => {
  await smtp.close();
  for (const key of ["PUBLIC_URL", "MAIL_FROM", "SMTP_HOST", "SMTP_PORT", "NEXTAUTH_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
});

let world: World;
let campaignId: string;
beforeEach(async () => {
  smtp.received.length = 0;
  smtp.failNext(0);
  world = await buildWorld();
  await db().user.update({ where: { id: world.users.admin.id }, data: { name: "Alex Admin", email: "alex@it.test" } });
  const campaign = await db().campaign.create({
    data: {
      name: "Winter <check-in>",
      message: "Tom & Jerry's team wants to hear from you.\n\nSecond <b>paragraph</b>.",
      status: "OPEN",
      opensAt: NOW,
      openedAt: NOW,
      closesAt: later(14 * DAY),
      linkValidDays: 10,
      createdById: world.users.admin.id,
      accounts: { create: { accountId: world.accounts.mine.id } },
    },
  });
  campaignId = campaign.id;
});

const smtpOut = () => smtpTransport({ host: smtp.host, port: smtp.port });

/** A contact with an address and their invitation, its email queued as a campaign would (in one transaction). */
async function invite(name = "Dana Finance", email = "dana@finance.test", kind: "INVITATION" | "REMINDER" = "INVITATION") {
  const contact = await db().contact.create({ data: { accountId: world.accounts.mine.id, name, email } });
  const id = `c${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
  const tokenSalt = newTokenSalt();
  const invitation = await db().ratingInvitation.create({
    data: { id, campaignId, accountId: world.accounts.mine.id, contactId: contact.id, tokenSalt, tokenHash: hashToken(invitationToken(id, tokenSalt)) },
  });
  const message = await db().$transaction((tx) => queueInvitationEmail(tx, { invitationId: invitation.id, kind, now: NOW }));
  return { contact, invitation, messageId: message.id };
}

const row = (id: string) => db().emailMessage.findUniqueOrThrow({ where: { id } });
const tokenIn = (text: string) => /https:\/\/rapport\.test\/r\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("sending through SMTP", () => {
  it("sends text and HTML with a working link, the sender's name and the unsubscribe headers, and records it", async () => {
    const { contact, invitation, messageId } = await invite();
    expect((await row(messageId)).subject).toBe("How is IT doing for Finance? Winter <check-in>");

    const result = await deliverEmails(db(), NOW, { transport: smtpOut() });
    expect(result).toMatchObject({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    const [mail] = await smtp.waitFor(1);
    const parsed = mail!.parsed;
    expect(mail!.to).toEqual(["dana@finance.test"]);
    expect(addresses(parsed.to)).toEqual(["dana@finance.test"]);
    expect(parsed.from?.value[0]).toMatchObject({ name: "Alex Admin via Rapport", address: "rapport@example.org" });
    expect(parsed.replyTo?.value[0]?.address).toBe("alex@it.test");
    expect(parsed.subject).toBe("How is IT doing for Finance? Winter <check-in>");

    // The link in both parts resolves to this invitation's stored hash.
    const token = tokenIn(parsed.text ?? "");
    expect(token).toBeTruthy();
    expect(hashToken(token!)).toBe(invitation.tokenHash);
    expect(tokenIn(String(parsed.html))).toBe(token);
    expect(parsed.text).toContain("Alex Admin would like to know how IT is doing for Finance.");
    expect(parsed.text).toContain("Tom & Jerry's team wants to hear from you.");
    expect(parsed.text).toContain("The link works until 12 December 2026");

    // HTML is escaped: the campaign's text cannot inject markup.
    const html = String(parsed.html);
    expect(html).toContain("Tom &amp; Jerry&#39;s team");
    expect(html).toContain("Second &lt;b&gt;paragraph&lt;/b&gt;.");
    expect(html).not.toContain("<b>paragraph</b>");
    expect(html).toContain("Winter &lt;check-in&gt;");

    // Unsubscribe: a link in the body and one-click headers naming this contact.
    const unsubscribe = /https:\/\/rapport\.test\/u\/(\S+)/.exec(parsed.text ?? "")?.[1];
    expect(verifyUnsubscribeToken(unsubscribe!)).toBe(contact.id);
    const unfolded = mail!.raw.replace(/\r?\n[ \t]+/g, " ");
    expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const oneClick = /^List-Unsubscribe: <https:\/\/rapport\.test\/api\/unsubscribe\/([^>]+)>\r?$/m.exec(unfolded)?.[1];
    expect(verifyUnsubscribeToken(oneClick!)).toBe(contact.id);

    const sent = await row(messageId);
    expect(sent).toMatchObject({ status: "SENT", transport: "smtp", attempts: 1, lastError: null, sentAt: NOW });
    expect(sent.messageId).toBe(parsed.messageId);
    // The token is not stored anywhere in the outbox row.
    expect(JSON.stringify(sent)).not.toContain(token);
    const after = await db().ratingInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after.sentAt).toEqual(NOW);
    expect(after.expiresAt).toEqual(later(10 * DAY));
  });

  it("sends a reminder with the same link, and leaves the first sending time and expiry alone", async () => {
    const { invitation } = await invite();
    await deliverEmails(db(), NOW, { transport: smtpOut() });
    await db().$transaction((tx) => queueInvitationEmail(tx, { invitationId: invitation.id, kind: "REMINDER", now: NOW }));
    await deliverEmails(db(), later(5 * DAY), { transport: smtpOut() });
    const [first, reminder] = await smtp.waitFor(2);
    expect(reminder!.parsed.subject).toBe("Reminder: How is IT doing for Finance? Winter <check-in>");
    expect(reminder!.parsed.text).toContain("A reminder: Alex Admin asked");
    expect(tokenIn(reminder!.parsed.text ?? "")).toBe(tokenIn(first!.parsed.text ?? ""));
    expect(reminder!.parsed.text).toContain("The link works until 12 December 2026");
    const after = await db().ratingInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after).toMatchObject({ sentAt: NOW, expiresAt: later(10 * DAY), remindersSent: 0 });
  });

  it("the deliver-emails job uses the SMTP server named by SMTP_HOST and SMTP_PORT, else the mailbox", async () => {
    const first = await invite();
    process.env.SMTP_HOST = smtp.host;
    process.env.SMTP_PORT = String(smtp.port);
    resetEnvCache();
    try {
      await jobs["deliver-emails"].run({}, { now: NOW });
    } finally {
      delete process.env.SMTP_HOST;
      delete process.env.SMTP_PORT;
      resetEnvCache();
    }
    await smtp.waitFor(1);
    expect((await row(first.messageId)).transport).toBe("smtp");

    const second = await invite("Eli Finance", "eli@finance.test");
    await jobs["deliver-emails"].run({}, { now: NOW });
    expect(await row(second.messageId)).toMatchObject({ status: "SENT", transport: "mailbox" });
    expect(smtp.received).toHaveLength(1);
  });
});

describe("through the job queue", () => {
  const { startWorker } = jobWorkersPerTest();

  it("requestDelivery runs deliver-emails, which sends each email once even with two instances taking jobs", async () => {
    process.env.SMTP_HOST = smtp.host;
    process.env.SMTP_PORT = String(smtp.port);
    resetEnvCache();
    try {
      const { messageId } = await invite();
      // Two instances (on PostgreSQL: two pg-boss workers; on PGlite the one process runs it).
      await startWorker();
      await startWorker();
      await Promise.all([requestDelivery(), requestDelivery()]);
      await until(() => row(messageId), (email) => email.status === "SENT");
      await requestDelivery();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(smtp.received).toHaveLength(1);
      expect(await row(messageId)).toMatchObject({ status: "SENT", transport: "smtp", attempts: 1 });
    } finally {
      delete process.env.SMTP_HOST;
      delete process.env.SMTP_PORT;
      resetEnvCache();
    }
  });
});

describe("the development mailbox", () => {
  it("marks the email sent and renders it again, link included, for administrators only", async () => {
    const { invitation, messageId } = await invite();
    await deliverEmails(db(), NOW, { transport: mailboxTransport });
    expect(await row(messageId)).toMatchObject({ status: "SENT", transport: "mailbox" });

    const list = await listMailbox(world.actors.admin);
    expect(list.map((email) => email.id)).toEqual([messageId]);
    const message = await mailboxMessage(world.actors.admin, messageId);
    if ("unavailable" in message) throw new Error(message.unavailable);
    expect(hashToken(tokenIn(message.rendered.text)!)).toBe(invitation.tokenHash);
    expect(message.rendered.html).toContain(message.rating!.url);
    expect(message.rating!.expiresAt).toEqual(later(10 * DAY));

    for (const actor of [world.actors.cio, world.actors.rm, world.actors.client]) {
      await expect(listMailbox(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(mailboxMessage(actor, messageId)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("failures", () => {
  it("retries a refused send after a backoff, then sends it once", async () => {
    const { messageId } = await invite();
    smtp.failNext(1, 451);
    expect(await deliverEmails(db(), NOW, { transport: smtpOut() })).toMatchObject({ sent: 0, retrying: 1 });
    let email = await row(messageId);
    expect(email).toMatchObject({ status: "QUEUED", attempts: 1, nextAttemptAt: later(MINUTE) });
    expect(email.lastError).toMatch(/451|Try again later/);

    // Not before the backoff.
    expect(await deliverEmails(db(), later(30_000), { transport: smtpOut() })).toMatchObject({ sent: 0, retrying: 0 });
    expect(await deliverEmails(db(), later(MINUTE), { transport: smtpOut() })).toMatchObject({ sent: 1 });
    email = await row(messageId);
    expect(email).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it(`fails after ${MAX_ATTEMPTS} attempts with growing waits; an admin's retry sends it`, async () => {
    const { messageId } = await invite();
    smtp.failNext(MAX_ATTEMPTS, 421, "Service not available");
    let at = NOW;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverEmails(db(), at, { transport: smtpOut() });
      const email = await row(messageId);
      expect(email.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(email.status).toBe("QUEUED");
        waits.push(email.nextAttemptAt.getTime() - at.getTime());
        at = email.nextAttemptAt;
      } else {
        expect(email.status).toBe("FAILED");
        expect(email.lastError).toMatch(/^Gave up after 5 attempts: .*Service not available/);
      }
    }
    expect(waits).toEqual([1, 5, 15, 60].map((m) => m * MINUTE));
    expect(smtp.received).toHaveLength(0);

    const summary = await outboxSummary(world.actors.cio);
    expect(summary.counts.FAILED).toBe(1);
    expect(summary.failed[0]).toMatchObject({ id: messageId, toAddress: "dana@finance.test", skipped: false, interrupted: false });
    expect(summary.canRetry).toBe(false);
    await expect(retryEmail(world.actors.cio, messageId, at)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(outboxSummary(world.actors.rm)).rejects.toBeInstanceOf(ForbiddenError);

    await retryEmail(world.actors.admin, messageId, at);
    expect(await row(messageId)).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null });
    await expect(retryEmail(world.actors.admin, messageId, at)).rejects.toThrow(/queued, not failed/);
    await deliverEmails(db(), at, { transport: smtpOut() });
    expect(await row(messageId)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "email.retry", entityId: messageId } })).toBe(1);
  });

  it("fails at once when the server refuses for good (5xx)", async () => {
    const { messageId } = await invite();
    smtp.failNext(1, 550, "No such user");
    expect(await deliverEmails(db(), NOW, { transport: smtpOut() })).toMatchObject({ failed: 1 });
    expect(await row(messageId)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await row(messageId)).lastError).toMatch(/^Rejected by the mail server: .*No such user/);
  });
});

describe("each email goes once", () => {
  it("two delivery runs at once (two instances, or a retried job) send every email exactly once", async () => {
    const invited = await Promise.all([invite("A", "a@finance.test"), invite("B", "b@finance.test"), invite("C", "c@finance.test")]);
    const results = await Promise.all([deliverEmails(db(), NOW, { transport: smtpOut() }), deliverEmails(db(), NOW, { transport: smtpOut() })]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    // And once more, later: nothing is left to send.
    expect(await deliverEmails(db(), later(DAY), { transport: smtpOut() })).toMatchObject({ sent: 0 });
    await smtp.waitFor(3);
    expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual(["a@finance.test", "b@finance.test", "c@finance.test"]);
    for (const { messageId } of invited) expect(await row(messageId)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("an email left SENDING (a crash mid-send) is marked interrupted after 10 minutes, never resent", async () => {
    const stuck = await invite("A", "a@finance.test");
    const recent = await invite("B", "b@finance.test");
    await db().emailMessage.update({ where: { id: stuck.messageId }, data: { status: "SENDING", attempts: 1, nextAttemptAt: later(-11 * MINUTE) } });
    await db().emailMessage.update({ where: { id: recent.messageId }, data: { status: "SENDING", attempts: 1, nextAttemptAt: later(-2 * MINUTE) } });
    expect(await deliverEmails(db(), NOW, { transport: smtpOut() })).toMatchObject({ interrupted: 1, sent: 0 });
    expect(await row(stuck.messageId)).toMatchObject({ status: "FAILED", lastError: INTERRUPTED, attempts: 1 });
    expect(await row(recent.messageId)).toMatchObject({ status: "SENDING" });
    expect(smtp.received).toHaveLength(0);
    const summary = await outboxSummary(world.actors.admin);
    expect(summary.failed.find((email) => email.id === stuck.messageId)).toMatchObject({ interrupted: true });
    expect(summary.counts).toMatchObject({ FAILED: 1, SENDING: 1 });
  });
});

describe("emails that must not go any more", () => {
  it("are not sent to a contact who unsubscribed, or for a link answered or revoked meanwhile; retry refuses them", async () => {
    const unsubscribed = await invite("A", "a@finance.test");
    const answered = await invite("B", "b@finance.test");
    const revoked = await invite("C", "c@finance.test");
    await db().contact.update({ where: { id: unsubscribed.contact.id }, data: { unsubscribedAt: NOW } });
    await db().ratingInvitation.update({ where: { id: answered.invitation.id }, data: { answeredAt: NOW } });
    await db().ratingInvitation.update({ where: { id: revoked.invitation.id }, data: { revokedAt: NOW } });

    expect(await deliverEmails(db(), NOW, { transport: smtpOut() })).toMatchObject({ sent: 0, skipped: 3 });
    expect(smtp.received).toHaveLength(0);
    expect((await row(unsubscribed.messageId)).lastError).toBe("Not sent: the contact unsubscribed");
    expect((await row(answered.messageId)).lastError).toBe("Not sent: already answered");
    expect((await row(revoked.messageId)).lastError).toBe("Not sent: the link was revoked");
    expect(await db().ratingInvitation.findUniqueOrThrow({ where: { id: unsubscribed.invitation.id } })).toMatchObject({ sentAt: null, expiresAt: null });
    expect((await outboxSummary(world.actors.admin)).failed.every((email) => email.skipped)).toBe(true);

    const refused = retryEmail(world.actors.admin, unsubscribed.messageId, NOW);
    await expect(refused).rejects.toBeInstanceOf(InputConflictError);
    await expect(refused).rejects.toThrow("Not sent: the contact unsubscribed, so it will not be retried.");
  });

  it("are not sent once the campaign closed or was cancelled", async () => {
    const { messageId } = await invite();
    await db().campaign.update({ where: { id: campaignId }, data: { status: "CANCELLED" } });
    await deliverEmails(db(), NOW, { transport: smtpOut() });
    expect((await row(messageId)).lastError).toBe("Not sent: the campaign was cancelled");
  });
});

describe("the environment", () => {
  const parse = (vars: Record<string, string | undefined>) => {
    const before = { ...process.env };
    Object.assign(process.env, vars);
    for (const [key, value] of Object.entries(vars)) if (value === undefined) delete process.env[key];
    resetEnvCache();
    try {
      return { env: env(), publicUrl: publicUrl() };
    } finally {
      for (const key of Object.keys(vars)) {
        if (before[key] === undefined) delete process.env[key];
        else process.env[key] = before[key];
      }
      resetEnvCache();
    }
  };

  it("defaults PUBLIC_URL to NEXTAUTH_URL, then localhost, without a trailing slash", () => {
    expect(parse({ PUBLIC_URL: "https://mail.example.org/" }).publicUrl).toBe("https://mail.example.org");
    expect(parse({ PUBLIC_URL: "", NEXTAUTH_URL: "https://rapport.example.org" }).publicUrl).toBe("https://rapport.example.org");
    expect(parse({ PUBLIC_URL: undefined, NEXTAUTH_URL: undefined }).publicUrl).toBe("http://localhost:3000");
  });

  it("reads the SMTP settings and says clearly what is wrong", () => {
    expect(parse({ SMTP_HOST: "smtp.example.org", SMTP_PORT: "465", SMTP_SECURE: "true", SMTP_USER: "u", SMTP_PASSWORD: "p" }).env).toMatchObject({
      SMTP_HOST: "smtp.example.org",
      SMTP_PORT: 465,
      SMTP_SECURE: true,
    });
    expect(parse({ MAIL_FROM: '"IT Team" <it@example.org>' }).env.MAIL_FROM).toBe('"IT Team" <it@example.org>');
    expect(() => parse({ MAIL_FROM: "Rapport <not an address>" })).toThrow('MAIL_FROM must be an address or "Name <address>"');
    expect(() => parse({ SMTP_HOST: "smtp.example.org", SMTP_PORT: "lots" })).toThrow("SMTP_PORT must be a port number");
    expect(() => parse({ SMTP_HOST: "smtp.example.org", SMTP_PORT: "70000" })).toThrow("SMTP_PORT must be between 1 and 65535");
    expect(() => parse({ SMTP_SECURE: "yes" })).toThrow('SMTP_SECURE must be "true" or "false"');
    expect(() => parse({ SMTP_HOST: "smtp.example.org", SMTP_USER: "u" })).toThrow("SMTP_PASSWORD is required when SMTP_USER is set");
    expect(() => parse({ SMTP_HOST: undefined, SMTP_PORT: "25" })).toThrow("SMTP_HOST is required");
    expect(() => parse({ PUBLIC_URL: "rapport.example.org" })).toThrow("PUBLIC_URL must be an http:// or https:// URL");
  });
});
