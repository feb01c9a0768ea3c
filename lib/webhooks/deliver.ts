import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { retryDelayMs } from "./backoff";
import { postWebhook } from "./send";
import { signedHeaders } from "./signing";

// The deliver-webhooks job's work (decision 030), every minute and after a replay:
// 1. the sweep: open actions past their due day become action.overdue events, once per due day;
// 2. the fan-out: each new event in the outbox becomes one delivery per active subscription that
//    wants its type and existed when it happened;
// 3. the sends: due deliveries are claimed with FOR UPDATE SKIP LOCKED and a lease (SENDING until
//    nextAttemptAt), so two instances never send one at once and a run that died mid-send is
//    picked up again once the lease ends (webhooks are at-least-once: receivers dedupe on
//    webhook-id). A failure is retried with exponential backoff (backoff.ts), then marked FAILED.

const FAN_OUT_BATCH = 500;
const SEND_BATCH = 50;
/** A claimed delivery is another run's again after this (a send times out after 10 s). */
const LEASE_MS = 2 * 60_000;

export interface DeliverResult {
  [key: string]: number;
  overdue: number;
  fannedOut: number;
  sent: number;
  retrying: number;
  failed: number;
}

export interface DeliverOptions {
  /** WEBHOOKS_ALLOW_PRIVATE_URLS: loopback and private receivers allowed. */
  allowPrivate: boolean;
  timeoutMs?: number;
  random?: () => number;
}

export async function deliverWebhooks(prisma: PrismaClient, now: Date, options: DeliverOptions): Promise<DeliverResult> {
  const result: DeliverResult = { overdue: await sweepOverdueActions(prisma, now), fannedOut: 0, sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const count = await fanOut(prisma);
    result.fannedOut += count;
    if (count < FAN_OUT_BATCH) break;
  }
  for (;;) {
    const claimed = await claim(prisma, now);
    for (const delivery of claimed) {
      const outcome = await attempt(prisma, delivery, now, options);
      result[outcome]++;
    }
    if (claimed.length < SEND_BATCH) return result;
  }
}

/** Actions still open after their due day, not yet reported for that day (the dedupe key). */
export async function sweepOverdueActions(prisma: PrismaClient | Prisma.TransactionClient, now: Date): Promise<number> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return prisma.$executeRaw`
    INSERT INTO webhook_events (type, account_id, data, occurred_at, dedupe_key)
    SELECT 'action.overdue', a.account_id, jsonb_build_object(
        'actionId', a.id, 'accountId', a.account_id, 'accountName', acc.name, 'title', a.title,
        'ownerId', a.owner_id, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD')),
      ${now}, 'action.overdue:' || a.id || ':' || to_char(a.due_date, 'YYYY-MM-DD')
    FROM actions a JOIN accounts acc ON acc.id = a.account_id
    WHERE a.status = 'OPEN' AND a.due_date < ${today}::date AND acc.archived_at IS NULL AND webhook_wanted('action.overdue')
    ORDER BY a.due_date, a.id
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** One batch of new events into deliveries, in one transaction; returns the events taken. */
async function fanOut(prisma: PrismaClient): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM webhook_events WHERE dispatched_at IS NULL ORDER BY id LIMIT ${FAN_OUT_BATCH} FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return 0;
    const ids = events.map((event) => event.id);
    await tx.$executeRaw`
      INSERT INTO webhook_deliveries (id, subscription_id, event_id, next_attempt_at, created_at)
      SELECT replace(gen_random_uuid()::text, '-', ''), s.id, e.id, e.occurred_at, e.occurred_at
      FROM webhook_events e JOIN webhook_subscriptions s ON s.active AND e.type = ANY (s.event_types) AND s.created_at <= e.occurred_at
      WHERE e.id = ANY (${ids}::bigint[])
      ON CONFLICT (subscription_id, event_id) DO NOTHING`;
    await tx.$executeRaw`UPDATE webhook_events SET dispatched_at = CURRENT_TIMESTAMP WHERE id = ANY (${ids}::bigint[])`;
    return events.length;
  });
}

interface Claimed {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  type: string;
  data: unknown;
  occurredAt: Date;
}

async function claim(prisma: PrismaClient, now: Date): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  return prisma.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.active
      WHERE d.status IN ('PENDING', 'SENDING') AND d.next_attempt_at <= ${now}
      ORDER BY d.next_attempt_at, d.id LIMIT ${SEND_BATCH} FOR UPDATE OF d SKIP LOCKED)
    UPDATE webhook_deliveries d SET status = 'SENDING', next_attempt_at = ${lease}
    FROM due, webhook_subscriptions s, webhook_events e
    WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
    RETURNING d.id, d.attempts, s.url, s.secret, e.type, e.data, e.occurred_at AS "occurredAt"`;
}

/** Standard Webhooks' payload: the type, when it happened, and its data. */
export const webhookBody = (type: string, occurredAt: Date, data: unknown) => JSON.stringify({ type, timestamp: occurredAt.toISOString(), data });

async function attempt(prisma: PrismaClient, delivery: Claimed, now: Date, options: DeliverOptions): Promise<"sent" | "retrying" | "failed"> {
  const body = webhookBody(delivery.type, delivery.occurredAt, delivery.data);
  const outcome = await postWebhook(delivery.url, signedHeaders(delivery.secret, { id: delivery.id, at: now, body }), body, options);
  const attempts = delivery.attempts + 1;
  const delay = outcome.ok ? null : retryDelayMs(attempts, options.random?.());
  const status = outcome.ok ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
  // Only while this run's claim holds: a replay or another run meanwhile wins.
  await prisma.webhookDelivery.updateMany({
    where: { id: delivery.id, status: "SENDING", attempts: delivery.attempts },
    data: {
      status,
      attempts,
      lastAttemptAt: now,
      nextAttemptAt: delay === null ? now : new Date(now.getTime() + delay),
      responseStatus: outcome.status,
      responseBody: outcome.body,
      lastError: outcome.error,
      deliveredAt: outcome.ok ? now : null,
    },
  });
  return outcome.ok ? "sent" : status === "FAILED" ? "failed" : "retrying";
}
