import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, InputConflictError } from "../../lib/data/errors";
import { logInteraction } from "../../lib/data/interactions";
import { submitRating } from "../../lib/data/ratings";
import { createWebhook, deleteWebhook, replayDelivery, rotateWebhookSecret, setWebhookActive, webhooksOverview } from "../../lib/data/webhooks";
import { db } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import { MAX_ATTEMPTS } from "../../lib/webhooks/backoff";
import { deliverWebhooks } from "../../lib/webhooks/deliver";
import { createRating } from "../../prisma/seed/factories";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

// Webhooks end to end on both databases, against a real HTTP receiver on a free local port: the
// outbox row is written in the change's own transaction (a rolled-back change leaves none), each
// delivery verifies with standardwebhooks' own Webhook.verify, a receiver that fails is retried on
// the backoff schedule with the same webhook-id and then marked failed, private addresses are
// refused unless allowed, and only administrators manage subscriptions.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering `status` with `answer`; what it got, in order. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200, answer: "thanks" };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(state.status, { "content-type": "text/plain" }).end(state.answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/rapport`;
  return { received, state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let world: World;
const saved = process.env.WEBHOOKS_ALLOW_PRIVATE_URLS;
beforeAll(async () => {
  // The receiver is on loopback: the explicit setting tests need (decision 030).
  process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = "true";
  resetEnvCache();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  if (saved === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE_URLS;
  else process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = saved;
  resetEnvCache();
});
beforeEach(async () => {
  world = await buildWorld();
  receiver.received.length = 0;
  Object.assign(receiver.state, { status: 200, answer: "thanks" });
});
afterEach(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = "true";
  resetEnvCache();
});

const deliver = (now: Date, allowPrivate = true) => deliverWebhooks(db(), now, { allowPrivate, random: () => 0, timeoutMs: 5_000 });
const subscribe = (eventTypes: Parameters<typeof createWebhook>[1]["eventTypes"], url = receiver.url) =>
  createWebhook(world.actors.admin, { url, description: "ITSM", eventTypes }, new Date(Date.now() - 60_000));

describe("webhook events and deliveries", () => {
  it("delivers a rating as a Standard Webhooks message that the library's own verifier accepts", async () => {
    const { secret, id } = await subscribe(["rating.received"]);
    const receipt = await submitRating(world.actors.client, ratingInput(world.accounts.mine.id, { overall: 4, recommend: 9 }));
    const result = await deliver(new Date());
    expect(result).toMatchObject({ fannedOut: 1, sent: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received as [Received];
    const payload = new Webhook(secret).verify(message.body, message.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(payload.type).toBe("rating.received");
    expect(payload.data).toMatchObject({ ratingId: receipt.id, accountId: world.accounts.mine.id, accountName: "Finance", overall: 4, recommend: 9, source: "APP" });
    // Another secret does not verify: the signature is real.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(message.body, message.headers as Record<string, string>)).toThrow();
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, responseStatus: 200, responseBody: "thanks", lastError: null });
    expect(message.headers["webhook-id"]).toBe(delivery.id);
    // Nothing left to send.
    expect(await deliver(new Date())).toMatchObject({ fannedOut: 0, sent: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it("writes the outbox row in the change's transaction: a rolled-back change leaves none", async () => {
    await subscribe(["rating.received", "interaction.logged"]);
    const failure = new Error("rolled back on purpose");
    await expect(
      db().$transaction(async (tx) => {
        await createRating(tx, { accountId: world.accounts.mine.id, userId: world.users.client.id, overall: 2, recommend: 2 });
        // Inside the transaction, the event is already there, beside the rating.
        expect(await tx.webhookEvent.count({ where: { type: "rating.received" } })).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db().webhookEvent.count()).toBe(0);
    expect(await db().rating.count()).toBe(0);

    await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id));
    const events = await db().webhookEvent.findMany({ select: { type: true, data: true } });
    expect(events.map((event) => event.type)).toEqual(["interaction.logged"]);
    // IT's own words stay in Rapport.
    expect(JSON.stringify(events[0]?.data)).not.toMatch(/Quarterly review|doesn't get it/);
  });

  it("writes nothing while no active subscription wants the type", async () => {
    await subscribe(["campaign.closed"]);
    await submitRating(world.actors.client, ratingInput(world.accounts.mine.id));
    const paused = await subscribe(["rating.received"]);
    await setWebhookActive(world.actors.admin, paused.id, false);
    await submitRating(world.actors.client, ratingInput(world.accounts.mine.id));
    expect(await db().webhookEvent.count()).toBe(0);
  });

  it("retries a failing receiver with backoff and the same webhook-id, then marks the delivery failed; a replay sends it again", async () => {
    const { id } = await subscribe(["account.stage_changed"]);
    receiver.state.status = 500;
    receiver.state.answer = "database down";
    await db().account.update({ where: { id: world.accounts.mine.id }, data: { healthStage: "FLU", healthScore: 40 } });
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliver(now);
      expect(result[attempt < MAX_ATTEMPTS ? "retrying" : "failed"]).toBe(1);
      const row = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
      expect(row).toMatchObject({ attempts: attempt, responseStatus: 500, responseBody: "database down", lastError: "the receiver answered 500" });
      if (attempt === MAX_ATTEMPTS) break;
      expect(row.status).toBe("PENDING");
      // Exponential: 30 s, then four times longer each time.
      expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(30_000 * 4 ** (attempt - 1));
      // Not before its time.
      expect(await deliver(new Date(row.nextAttemptAt.getTime() - 1_000))).toMatchObject({ retrying: 0, failed: 0, sent: 0 });
      now = row.nextAttemptAt;
    }
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const failed = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(failed.status).toBe("FAILED");
    expect(JSON.parse(receiver.received[0]?.body ?? "")).toMatchObject({ type: "account.stage_changed", data: { fromStage: "INSUFFICIENT_DATA", toStage: "FLU", score: 40 } });
    // A failed delivery stays failed.
    expect(await deliver(new Date(now.getTime() + 86_400_000))).toMatchObject({ sent: 0, failed: 0, retrying: 0 });

    receiver.state.status = 204;
    await expect(replayDelivery(world.actors.cio, failed.id)).rejects.toBeInstanceOf(ForbiddenError);
    await replayDelivery(world.actors.admin, failed.id, now);
    await expect(replayDelivery(world.actors.admin, failed.id, now)).rejects.toBeInstanceOf(InputConflictError);
    expect(await deliver(now)).toMatchObject({ sent: 1 });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 1, responseStatus: 204 });
    expect(receiver.received.at(-1)?.headers["webhook-id"]).toBe(failed.id);
    expect(await db().auditEvent.count({ where: { action: "webhook.deliveryReplayed", entityId: failed.id } })).toBe(1);
  });

  it("reports an open action past its due day once, and an action closed", async () => {
    await subscribe(["action.overdue", "action.closed"]);
    const action = await db().action.create({
      data: { accountId: world.accounts.mine.id, title: "Send the revised plan", ownerId: world.users.rm.id, dueDate: new Date(Date.now() - 3 * 86_400_000) },
    });
    expect(await deliver(new Date())).toMatchObject({ overdue: 1, sent: 1 });
    expect(await deliver(new Date())).toMatchObject({ overdue: 0, sent: 0 });
    await db().action.update({ where: { id: action.id }, data: { status: "DONE", outcome: "Sent", closedAt: new Date() } });
    expect(await deliver(new Date())).toMatchObject({ sent: 1 });
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(["action.overdue", "action.closed"]);
  });

  it("refuses private and loopback receivers unless WEBHOOKS_ALLOW_PRIVATE_URLS allows them", async () => {
    const { id } = await subscribe(["rating.received"]);
    await submitRating(world.actors.client, ratingInput(world.accounts.mine.id));
    expect(await deliver(new Date(), false)).toMatchObject({ retrying: 1 });
    expect(receiver.received).toHaveLength(0);
    expect((await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } })).lastError).toMatch(/private or loopback/);

    process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = "false";
    resetEnvCache();
    for (const url of ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://[::1]/x", "http://169.254.169.254/latest"]) {
      await expect(subscribe(["rating.received"], url)).rejects.toThrow(/private network/);
    }
    await expect(subscribe(["rating.received"], "ftp://files.example.org/")).rejects.toThrow(/http/);
  });

  it("lets only administrators manage subscriptions, audits each change and never logs a secret", async () => {
    for (const actor of [world.actors.cio, world.actors.rm, world.actors.client]) {
      await expect(createWebhook(actor, { url: receiver.url, description: "", eventTypes: ["rating.received"] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(webhooksOverview(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const created = await subscribe(["rating.received"]);
    const rotated = await rotateWebhookSecret(world.actors.admin, created.id);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const overview = await webhooksOverview(world.actors.admin);
    expect(overview.subscriptions).toHaveLength(1);
    expect(JSON.stringify(overview)).not.toContain(rotated.secret);
    await deleteWebhook(world.actors.admin, created.id);
    const audit = await db().auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" }, select: { action: true, details: true } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.created", "webhook.secretRotated", "webhook.deleted"]);
    expect(JSON.stringify(audit)).not.toMatch(/whsec_/);
  });
});
