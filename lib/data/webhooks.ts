import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import type { WebhookDeliveryStatus } from "../generated/prisma/enums";
import { type WebhookEventType, isWebhookEventType } from "../webhooks/events";
import type { CreateWebhookInput } from "../webhooks/schemas";
import { newWebhookSecret } from "../webhooks/signing";
import { webhookUrlProblem } from "../webhooks/url-safety";
import { recordAudit } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import type { Actor } from "./permissions";

// Webhook subscriptions and their deliveries, for the admin page (decision 030). Administrators
// only: a subscription sends the portfolio's events out of Rapport, so it is operations work like
// the mail settings. Every change is audited, never with the secret, which leaves the server only
// in the answer to a create or a rotation.

export const managesWebhooks = (actor: Actor) => actor.role === "ADMIN";

function requireAdmin(actor: Actor): void {
  if (!managesWebhooks(actor)) throw new ForbiddenError("Only administrators manage webhooks.");
}

const subscriptionSelect = { id: true, url: true, description: true, eventTypes: true, active: true, createdAt: true, createdBy: { select: { name: true } } } as const;

export interface WebhookDeliveryRow {
  id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  responseStatus: number | null;
  responseBody: string | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  subscription: { id: string; url: string };
  event: { type: string; occurredAt: Date; accountName: string | null };
}

/** Every subscription with its deliveries' counts, and the newest deliveries (of one subscription, if named). */
export async function webhooksOverview(actor: Actor, { subscriptionId, limit = 50 }: { subscriptionId?: string; limit?: number } = {}) {
  requireAdmin(actor);
  const prisma = db();
  const [subscriptions, grouped, deliveries] = await Promise.all([
    prisma.webhookSubscription.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: subscriptionSelect }),
    prisma.webhookDelivery.groupBy({ by: ["subscriptionId", "status"], _count: { _all: true } }),
    prisma.webhookDelivery.findMany({
      where: subscriptionId ? { subscriptionId } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastAttemptAt: true,
        responseStatus: true,
        responseBody: true,
        lastError: true,
        createdAt: true,
        deliveredAt: true,
        subscription: { select: { id: true, url: true } },
        event: { select: { type: true, occurredAt: true, data: true } },
      },
    }),
  ]);
  const counts = new Map<string, Record<WebhookDeliveryStatus, number>>();
  for (const row of grouped) {
    const entry = counts.get(row.subscriptionId) ?? { PENDING: 0, SENDING: 0, SUCCEEDED: 0, FAILED: 0 };
    entry[row.status] = row._count._all;
    counts.set(row.subscriptionId, entry);
  }
  return {
    allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE_URLS,
    subscriptions: subscriptions.map((s) => ({
      ...s,
      eventTypes: s.eventTypes.filter(isWebhookEventType),
      counts: counts.get(s.id) ?? { PENDING: 0, SENDING: 0, SUCCEEDED: 0, FAILED: 0 },
    })),
    deliveries: deliveries.map(({ event, ...row }): WebhookDeliveryRow => {
      const data = event.data as { accountName?: unknown; name?: unknown } | null;
      const accountName = typeof data?.accountName === "string" ? data.accountName : typeof data?.name === "string" ? data.name : null;
      return { ...row, event: { type: event.type, occurredAt: event.occurredAt, accountName } };
    }),
  };
}

function checkUrl(url: string): void {
  const problem = webhookUrlProblem(url, { allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE_URLS });
  if (problem) throw new InputConflictError(problem, { url: [problem] });
}

/** A new subscription; its secret is in the answer and never again. */
export async function createWebhook(actor: Actor, input: CreateWebhookInput, now = new Date()): Promise<{ id: string; url: string; eventTypes: WebhookEventType[]; secret: string }> {
  requireAdmin(actor);
  checkUrl(input.url);
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const row = await tx.webhookSubscription.create({
      data: { url: input.url, description: input.description, eventTypes: input.eventTypes, secret, createdById: actor.id, createdAt: now, updatedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.created",
      entityType: "WebhookSubscription",
      entityId: row.id,
      details: { after: { url: input.url, description: input.description, eventTypes: input.eventTypes, active: true } },
    });
    return { id: row.id, url: input.url, eventTypes: input.eventTypes, secret };
  });
}

async function subscriptionOf(tx: Pick<ReturnType<typeof db>, "webhookSubscription">, id: string) {
  const row = await tx.webhookSubscription.findUnique({ where: { id }, select: { id: true, url: true, active: true, eventTypes: true } });
  if (!row) throw new NotFoundError("webhook");
  return row;
}

/** A new secret; the old one stops signing at once (receivers switch to the new one). */
export async function rotateWebhookSecret(actor: Actor, id: string, now = new Date()): Promise<{ url: string; secret: string }> {
  requireAdmin(actor);
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const row = await subscriptionOf(tx, id);
    await tx.webhookSubscription.update({ where: { id }, data: { secret, updatedAt: now } });
    // The secrets themselves stay out of the log.
    await recordAudit(tx, { actorId: actor.id, action: "webhook.secretRotated", entityType: "WebhookSubscription", entityId: id, details: { url: row.url } });
    return { url: row.url, secret };
  });
}

/** Pauses (deliveries wait, no new ones) or resumes a subscription. */
export async function setWebhookActive(actor: Actor, id: string, active: boolean, now = new Date()): Promise<{ url: string; active: boolean }> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const row = await subscriptionOf(tx, id);
    if (row.active === active) throw new InputConflictError(active ? "That webhook is already active." : "That webhook is already paused.");
    await tx.webhookSubscription.update({ where: { id }, data: { active, updatedAt: now } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "webhook.resumed" : "webhook.paused",
      entityType: "WebhookSubscription",
      entityId: id,
      details: { before: { active: row.active }, after: { active } },
    });
    return { url: row.url, active };
  });
}

/** Removes a subscription and its deliveries. */
export async function deleteWebhook(actor: Actor, id: string): Promise<{ url: string }> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const row = await subscriptionOf(tx, id);
    await tx.webhookSubscription.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.deleted",
      entityType: "WebhookSubscription",
      entityId: id,
      details: { before: { url: row.url, eventTypes: row.eventTypes, active: row.active } },
    });
    return { url: row.url };
  });
}

/**
 * Sends a delivery again from a fresh set of attempts, with the same webhook-id (a receiver that
 * already has it may drop it). Refused while it is still waiting or being sent.
 */
export async function replayDelivery(actor: Actor, deliveryId: string, now = new Date()): Promise<{ url: string; type: string }> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, status: true, subscription: { select: { url: true, active: true } }, event: { select: { type: true, accountId: true } } },
    });
    if (!delivery) throw new NotFoundError("delivery");
    if (delivery.status === "PENDING" || delivery.status === "SENDING") throw new InputConflictError("That delivery is still waiting to be sent: there is nothing to replay yet.");
    if (!delivery.subscription.active) throw new InputConflictError("That webhook is paused: resume it first.");
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: delivery.status },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
    });
    if (updated.count === 0) throw new InputConflictError("That delivery changed meanwhile; reload the page.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "webhook.deliveryReplayed",
      entityType: "WebhookDelivery",
      entityId: deliveryId,
      accountId: delivery.event.accountId,
      details: { before: { status: delivery.status }, after: { status: "PENDING" }, url: delivery.subscription.url, type: delivery.event.type },
    });
    return { url: delivery.subscription.url, type: delivery.event.type };
  });
}
