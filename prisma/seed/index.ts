import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient, Stage } from "../../lib/generated/prisma/client";
import { recordPhraseEngineVersion } from "../../lib/data/phrase-engine-state";
import { recomputeHealth } from "../../lib/health/recompute";
import { PHRASE_ENGINE_VERSION } from "../../lib/scoring";
import { buildStoryRows, DAY } from "./build-rows";
import { linkHashes } from "./links";
import type { Rows } from "./rows";
import { ACCOUNT_STORIES, DEMO_PASSWORD, FILLER, STAFF, type AccountStory } from "./story";

export { ACCOUNT_STORIES, DEMO_PASSWORD, DEMO_USERS, type AccountStory, type DemoUser } from "./story";

// The demo story (prisma/seed/story.json and units/*.json, see story.ts) written into the
// database: every row in one transaction, then each account's health replayed up to `now`.

export interface SeedOptions {
  /** The story is written relative to this moment; health is replayed up to it. */
  now: Date;
  /** Days between replayed health diagnoses (default 14). */
  replayEveryDays?: number;
}

export interface SeededAccount {
  name: string;
  intendedStage: AccountStory["intendedStage"];
  stage: Stage;
  score: number | null;
}

export interface SeedResult {
  /** Rows written per table (users: staff and clients), and health snapshots replayed. */
  counts: Record<Exclude<keyof Rows, "clients" | "sponsors">, number> & { snapshots: number };
  accounts: SeededAccount[];
  ms: number;
}

/** The app charts a year of diagnoses (an account's score history, the portfolio's trend). */
const REPLAY_DAYS = 365;

/**
 * Diagnosis times: from a month after the oldest account began (or a year ago, whichever is
 * later), every `everyDays`, then `now`.
 */
function replayPoints(now: Date, oldest: Date, everyDays: number): Date[] {
  const points: Date[] = [];
  const start = Math.max(oldest.getTime() + 30 * DAY, now.getTime() - REPLAY_DAYS * DAY);
  for (let t = start; t < now.getTime() - DAY; t += everyDays * DAY) points.push(new Date(t));
  points.push(now);
  return points;
}

/** Empties every application table (not `_prisma_migrations`), whatever tables exist today. */
export async function wipe(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename.replaceAll('"', '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}

/**
 * Replaces all application data with the demo story, written relative to `now`, then replays the
 * accounts' health every `replayEveryDays` up to `now` so trend charts have history.
 */
export async function seed(prisma: PrismaClient, { now, replayEveryDays = 14 }: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const rows = buildStoryRows(ACCOUNT_STORIES, STAFF, FILLER, now, await hashPassword(DEMO_PASSWORD));

  const hashes = linkHashes(rows.invitations);

  await wipe(prisma);
  await prisma.$transaction(
    async (tx) => {
      await tx.user.createMany({ data: rows.users });
      await tx.account.createMany({ data: rows.accounts });
      await tx.user.createMany({ data: rows.clients });
      await tx.contact.createMany({ data: rows.contacts });
      // Accounts and contacts point at each other: the sponsors are set once both exist, in one statement.
      await tx.$executeRaw`
        UPDATE accounts AS a SET sponsor_contact_id = s.contact_id
        FROM unnest(${rows.sponsors.map((s) => s.accountId)}::text[], ${rows.sponsors.map((s) => s.contactId)}::text[]) AS s(account_id, contact_id)
        WHERE a.id = s.account_id`;
      await tx.accountOwnership.createMany({ data: rows.ownerships });
      await tx.coreSystem.createMany({ data: rows.coreSystems });
      await tx.interaction.createMany({ data: rows.interactions });
      await tx.interactionAttendee.createMany({ data: rows.attendees });
      await tx.quote.createMany({ data: rows.quotes });
      await tx.followUp.createMany({ data: rows.followUps });
      // Campaign rounds before the ratings that answered them, the invitations after (non-anonymous ones name their rating).
      await tx.campaign.createMany({ data: rows.campaigns });
      await tx.campaignAccount.createMany({ data: rows.campaignAccounts });
      await tx.rating.createMany({ data: rows.ratings });
      await tx.serviceScore.createMany({ data: rows.serviceScores });
      await tx.ratingInvitation.createMany({ data: rows.invitations.map((invitation, i) => ({ ...invitation, tokenHash: hashes[i]! })) });
      await tx.emailMessage.createMany({ data: rows.emailMessages });
      await tx.project.createMany({ data: rows.projects });
      await tx.projectStatusChange.createMany({ data: rows.projectStatusChanges });
      await tx.slaPeriod.createMany({ data: rows.slaPeriods });
      await tx.incident.createMany({ data: rows.incidents });
      await tx.analystLayerCount.createMany({ data: rows.analystLayerCounts });
      await tx.structuralEvent.createMany({ data: rows.structuralEvents });
      await tx.goal.createMany({ data: rows.goals });
      await tx.goalReview.createMany({ data: rows.goalReviews });
      await tx.badNews.createMany({ data: rows.badNews });
      await tx.declinedRequest.createMany({ data: rows.declinedRequests });
      await tx.itAssessment.createMany({ data: rows.itAssessments });
      await tx.stageOverride.createMany({ data: rows.stageOverrides });
      await tx.accountEpoch.createMany({ data: rows.epochs });
      await tx.maturityAssessment.createMany({ data: rows.maturityAssessments });
      await tx.alert.createMany({ data: rows.alerts });
      await tx.notification.createMany({ data: rows.notifications });
      await tx.action.createMany({ data: rows.actions });
      await tx.auditEvent.createMany({ data: rows.auditEvents });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  // All accounts that exist at a point are diagnosed together (a constant number of queries per
  // point), oldest history first, so each diagnosis sees the snapshots before it.
  const oldest = new Date(Math.min(...rows.accounts.map((a) => a.createdAt.getTime())));
  const latest = new Map<string, { stage: Stage; score: number | null }>();
  for (const point of replayPoints(now, oldest, replayEveryDays)) {
    const due = rows.accounts.filter((a) => a.createdAt.getTime() + 30 * DAY <= point.getTime() || point === now).map((a) => a.id);
    const diagnoses = await prisma.$transaction((tx) => recomputeHealth(tx, due, point), { timeout: 120_000, maxWait: 60_000 });
    for (const [id, d] of diagnoses) latest.set(id, { stage: d.stage, score: d.score });
  }

  // The replay's changes of health are history, not news: the story's alerts are its data.
  await prisma.healthChange.deleteMany();
  // The seed's hits were detected by this engine: nothing to re-detect at server start.
  await recordPhraseEngineVersion(prisma, PHRASE_ENGINE_VERSION);
  const { clients, sponsors: _sponsors, ...tables } = rows;
  const counts = Object.fromEntries(Object.entries(tables).map(([table, list]) => [table, list.length])) as SeedResult["counts"];
  counts.users += clients.length;
  counts.snapshots = await prisma.healthSnapshot.count();
  return {
    counts,
    accounts: rows.accounts.map((a) => ({ name: a.name, intendedStage: ACCOUNT_STORIES.find((u) => u.name === a.name)!.intendedStage, ...latest.get(a.id)! })),
    ms: Math.round(performance.now() - started),
  };
}
