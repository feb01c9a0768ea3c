import { z } from "zod";
import { detectAlerts } from "../alerts/detect";
import { runCampaignTick } from "../campaigns/lifecycle";
import { connection } from "../db/client";
import { env } from "../env";
import { rescoreAll } from "../health/rescore";
import { pruneSnapshots } from "../health/retention";
import { pruneExpired } from "../retention/expired";
import { requestDelivery } from "../mail";
import { deliverEmails } from "../mail/delivery";
import { lastFullMonth, monthOf } from "../reports/month";
import { deliverWebhooks } from "../webhooks/deliver";
import { redetectPhrases } from "./redetect";
import { trackedRun } from "./tracked";
import { defineJob } from "./types";

/** Every job Rapport runs, by queue name. */
export const jobs = {
  /** Re-diagnoses every account: time alone moves diagnoses (follow-ups fall overdue, contact lapses). */
  "rescore-all": defineJob({
    payload: z.object({}).strict(),
    exclusive: true,
    // 2,000 accounts take about 10 s; this is generous, and a stuck run is retried rather than lost.
    timeoutSeconds: 30 * 60,
    // Progress in task_runs (kind "rescore-all"): the scoring settings page shows it.
    run: async (_payload, { now }) => {
      const db = connection();
      return trackedRun(db.prisma, "rescore-all", async (onProgress) => {
        const result = await rescoreAll(db.prisma, now, { concurrency: db.kind === "postgres" ? 2 : 1, onProgress });
        const changed = result.stageChanges === 1 ? "1 changed stage" : `${result.stageChanges} changed stage`;
        const config = result.configVersion === 0 ? "the default configuration" : `configuration version ${result.configVersion}`;
        return { ...result, summary: `Re-diagnosed ${result.accounts} accounts with ${config}; ${changed}.` };
      });
    },
  }),
  /** Re-detects the phrases of every stored text after the phrase engine changed, and re-diagnoses. */
  "redetect-phrases": defineJob({
    payload: z.object({}).strict(),
    exclusive: true,
    // 200,000 interactions are meant to take under 10 minutes on 2 cores.
    timeoutSeconds: 60 * 60,
    // Progress in task_runs (kind "redetect-phrases"): the background work page shows it.
    run: async (_payload, { now }) => {
      const db = connection();
      return trackedRun(db.prisma, "redetect-phrases", async (onProgress) => {
        const result = await redetectPhrases(db.prisma, now, { onProgress });
        return { ...result, summary: `Re-detected phrases in ${result.scanned} texts; ${result.rewritten} changed, ${result.accounts} accounts re-diagnosed.` };
      });
    },
  }),
  /** Opens due campaigns (invitations), sends reminders, closes campaigns and schedules the next round of recurring ones. */
  "campaigns-tick": defineJob({
    payload: z.object({}).strict(),
    exclusive: true,
    // Opening a campaign of a few thousand contacts takes seconds; every step is safe to redo.
    timeoutSeconds: 10 * 60,
    run: async (_payload, { now }) => {
      const result = await runCampaignTick(connection().prisma, now);
      return { ...result, summary: `Opened ${result.opened} campaigns (${result.invited} invited, ${result.skipped} skipped), ${result.reminders} reminders, closed ${result.closed}, ${result.nextRounds} next rounds.` };
    },
  }),
  /** Sends due emails from the outbox (lib/mail): every minute, and at once when emails are queued. */
  "deliver-emails": defineJob({
    payload: z.object({}).strict(),
    // One run at a time per cluster; even two at once would send each email once (claimed by a conditional UPDATE).
    exclusive: true,
    // A run takes at most 200 emails; SMTP timeouts are under a minute each.
    timeoutSeconds: 10 * 60,
    run: async (_payload, { now }) => {
      const result = await deliverEmails(connection().prisma, now);
      return { ...result, summary: `Sent ${result.sent} emails; ${result.retrying} to retry, ${result.failed} failed, ${result.skipped} not sent (unsubscribed, answered, revoked or closed), ${result.interrupted} interrupted.` };
    },
  }),
  /** Turns changes in stored diagnoses into alerts, notifications and alert emails (lib/alerts): every minute. */
  "detect-alerts": defineJob({
    payload: z.object({}).strict(),
    // Two runs at once would still alert each change once (rows taken FOR UPDATE SKIP LOCKED); one is enough.
    exclusive: true,
    // A rescore of 2,000 accounts leaves at most a few thousand rows, processed in batches of 500.
    timeoutSeconds: 10 * 60,
    run: async (_payload, { now }) => {
      const result = await detectAlerts(connection().prisma, now);
      if (result.emails > 0) await requestDelivery();
      return { ...result, summary: `Read ${result.changes} health changes: ${result.alerts} alerts, ${result.notifications} notifications, ${result.emails} emails queued.` };
    },
  }),
  /**
   * Queues each live unit's monthly value report to its sponsor, the PDF attached (lib/reports/email.ts):
   * last month's unless a month ("2026-11") is named. Safe to run again or on two instances at once:
   * a unit's month is queued once (unique in email_messages).
   */
  "monthly-reports": defineJob({
    payload: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional() }).strict(),
    exclusive: true,
    // Queuing is one insert; the PDFs are rendered by the delivery runs, one email at a time.
    timeoutSeconds: 10 * 60,
    run: async ({ month }, { now }) => {
      const reportMonth = month ? monthOf(new Date(`${month}-01T00:00:00Z`)) : lastFullMonth(now);
      // Imported here: the report's data layer is server-only, and scripts load this catalogue too.
      const { queueMonthlyReports } = await import("../reports/email");
      const result = await queueMonthlyReports(connection().prisma, reportMonth, now);
      if (result.queued > 0) await requestDelivery();
      return { ...result, summary: `Queued ${result.queued} monthly reports for ${reportMonth.label} (${result.already} already queued, ${result.skipped.length} units with no sponsor to send to).` };
    },
  }),
  /**
   * Sends webhooks from the outbox (lib/webhooks, decision 030): reports overdue actions, fans new
   * events out to their subscriptions, sends due deliveries and schedules retries. Every minute,
   * and at once after a replay. Two runs at once would still send each delivery once per attempt
   * (claimed FOR UPDATE SKIP LOCKED with a lease).
   */
  "deliver-webhooks": defineJob({
    payload: z.object({}).strict(),
    exclusive: true,
    // 50 deliveries a batch, each at most 10 s; a long backlog is worked through batch by batch.
    timeoutSeconds: 10 * 60,
    run: async (_payload, { now }) => {
      const result = await deliverWebhooks(connection().prisma, now, { allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE_URLS });
      return { ...result, summary: `Webhooks: ${result.overdue} overdue actions reported, ${result.fannedOut} events fanned out, ${result.sent} delivered, ${result.retrying} to retry, ${result.failed} failed.` };
    },
  }),
  /**
   * Imports a checked CSV file of units, contacts or interactions (lib/data/csv-imports.ts,
   * decision 034) in one transaction; its progress and outcome are kept on the import itself.
   */
  "import-csv": defineJob({
    payload: z.object({ importId: z.string().min(1).max(40) }).strict(),
    exclusive: false,
    // 5,000 rows and their units' re-diagnoses take seconds; a stuck run counts as failed.
    timeoutSeconds: 30 * 60,
    run: async ({ importId }, { now }) => {
      // Imported here: the import's data layer is server-only, and scripts load this catalogue too.
      const { runCsvImport } = await import("../data/csv-imports");
      const db = connection();
      const result = await runCsvImport(db.prisma, importId, now, { progressOutsideTransaction: db.kind === "postgres" });
      return { ...result, summary: result.skipped ? `CSV import ${importId}: not queued any more.` : "failed" in result ? `CSV import ${importId} failed: ${result.failed}` : `CSV import ${importId}: ${result.counts.created} created, ${result.counts.updated} updated, ${result.counts.unchanged} unchanged.` };
    },
  }),
  /** Thins health snapshots older than 400 days to each account's last of the month (lib/health/retention.ts). */
  "prune-snapshots": defineJob({
    payload: z.object({}).strict(),
    exclusive: true,
    // Deletes in batches of 5,000; a large first run on an old database takes minutes.
    timeoutSeconds: 30 * 60,
    run: async (_payload, { now }) => {
      const deleted = await pruneSnapshots(connection().prisma, now);
      return { deleted, summary: `Removed ${deleted} health snapshots older than 400 days (each month's last kept).` };
    },
  }),
  /** Forgets API idempotency keys older than a day and CSV files whose import ended 30 days ago (lib/retention/expired.ts). */
  "prune-expired": defineJob({
    payload: z.object({}).strict(),
    exclusive: true,
    // Two DELETEs by indexed dates.
    timeoutSeconds: 10 * 60,
    run: async (_payload, { now }) => {
      const result = await pruneExpired(connection().prisma, now);
      return { ...result, summary: `Forgot ${result.idempotencyKeys} expired idempotency keys and ${result.csvImports} old CSV files.` };
    },
  }),
};

export type AppJobs = typeof jobs;
