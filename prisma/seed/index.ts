import { hashPassword } from "../../lib/auth/password";
import type { Prisma, PrismaClient, Side, Stage } from "../../lib/generated/prisma/client";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import {
  buildAccount,
  buildAttendee,
  buildContact,
  buildFollowUp,
  buildInteraction,
  buildQuote,
  buildRating,
  buildUser,
  newId,
} from "./factories";
import {
  ACCOUNT_STORIES,
  CHATTER,
  DEMO_PASSWORD,
  FOLLOW_UP_DESCRIPTIONS,
  NOTES_BY_MOOD,
  STAFF,
  SUMMARIES,
  type AccountStory,
  type Mood,
  type Moment,
  type Phase,
} from "./story";

export { ACCOUNT_STORIES, DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./story";

const DAY = 86_400_000;
const SENTIMENTS = ["VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE"] as const;
/** Fixed so that every seed writes the same story (only the dates move with `now`). */
const PRNG_SEED = 20_260_101;

export interface SeedOptions {
  /** The story is written relative to this moment; health is replayed up to it. */
  now: Date;
  /** Days between replayed health diagnoses (default 14). */
  replayEveryDays?: number;
  /** Accounts replayed at once (default 4). */
  replayConcurrency?: number;
}

export interface SeededAccount {
  name: string;
  intendedStage: AccountStory["intendedStage"];
  stage: Stage;
  score: number | null;
}

export interface SeedResult {
  counts: Record<"users" | "accounts" | "contacts" | "interactions" | "attendees" | "quotes" | "followUps" | "ratings" | "snapshots", number>;
  accounts: SeededAccount[];
  ms: number;
}

/** mulberry32: tiny, fast, and good enough to vary demo data reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Rows {
  users: Prisma.UserCreateManyInput[];
  accounts: Prisma.AccountCreateManyInput[];
  clients: Prisma.UserCreateManyInput[];
  sponsors: { accountId: string; contactId: string }[];
  contacts: Prisma.ContactCreateManyInput[];
  interactions: Prisma.InteractionCreateManyInput[];
  attendees: Prisma.InteractionAttendeeCreateManyInput[];
  quotes: Prisma.QuoteCreateManyInput[];
  followUps: Prisma.FollowUpCreateManyInput[];
  ratings: Prisma.RatingCreateManyInput[];
}

/** Turns the story into rows, deterministically for a given `now` (no I/O). */
export function buildStoryRows(now: Date, passwordHash: string): Rows & { spans: Map<string, number> } {
  const random = prng(PRNG_SEED);
  const id = () => newId(random);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const weighted = (weights: Mood): number => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
    return weights.length - 1;
  };
  // Working hours on the day `daysAgo` before now, never after now.
  const at = (daysAgo: number) => new Date(Math.min(now.getTime() - 3_600_000, now.getTime() - daysAgo * DAY - int(1, 8) * 3_600_000));
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };

  const rows: Rows = { users: [], accounts: [], clients: [], contacts: [], sponsors: [], interactions: [], attendees: [], quotes: [], followUps: [], ratings: [] };
  const spans = new Map<string, number>();
  const staffIds = new Map<string, string>();
  const storyStart = new Date(now.getTime() - 400 * DAY);

  for (const member of STAFF) {
    const user = buildUser({ id: id(), email: member.email, name: member.name, role: member.role, passwordHash, createdAt: storyStart });
    staffIds.set(member.key, user.id);
    rows.users.push(user);
  }
  const cioId = staffIds.get("cio")!;

  for (const story of ACCOUNT_STORIES) {
    const span = Math.max(...story.phases.map((p) => p.from), ...story.moments.map((m) => m.daysAgo));
    const createdAt = new Date(now.getTime() - (span + 10) * DAY);
    const account = buildAccount({
      id: id(),
      name: story.name,
      criticality: story.criticality,
      relationshipManagerId: story.manager ? staffIds.get(story.manager)! : null,
      createdAt,
    });
    rows.accounts.push(account);
    spans.set(account.id, span);
    const accountId = account.id;
    const managerId = story.manager ? staffIds.get(story.manager)! : cioId;
    const client = buildUser({
      id: id(),
      email: `client.${story.key}@rapport.example`,
      name: story.client.name,
      role: "CLIENT",
      accountId,
      passwordHash,
      createdAt,
    });
    rows.clients.push(client);
    const contactIds = [story.client, ...story.contacts].map((person) => {
      const contact = buildContact({
        id: id(),
        accountId,
        name: person.name,
        title: person.title,
        email: `${person.name.toLowerCase().replace(/^dr\. /, "").replace(/[^a-z]+/g, ".")}@${story.key}.rapport.example`,
        createdAt,
      });
      rows.contacts.push(contact);
      return contact.id;
    });
    const [sponsorName, sponsorTitle] = story.executiveSponsor.split(", ");
    const sponsor = buildContact({ id: id(), accountId, name: sponsorName!, title: sponsorTitle ?? null, role: "SPONSOR", influence: "HIGH", interest: "HIGH", createdAt });
    rows.contacts.push(sponsor);
    rows.sponsors.push({ accountId, contactId: sponsor.id });
    const fill = (text: string) => text.replaceAll("{project}", story.project);

    const addInteraction = (fields: Omit<Prisma.InteractionCreateManyInput, "accountId" | "loggedById">, loggedById: string) => {
      const interaction = buildInteraction({ ...fields, id: id(), accountId, loggedById });
      rows.interactions.push(interaction);
      const who = random() < 0.5 ? [contactIds[0]!] : [contactIds[0]!, pick(contactIds.slice(1))];
      for (const contactId of who) rows.attendees.push(buildAttendee({ id: id(), interactionId: interaction.id, side: "BUSINESS", contactId }));
      for (const userId of new Set([loggedById, managerId])) {
        rows.attendees.push(buildAttendee({ id: id(), interactionId: interaction.id, side: "IT", userId }));
      }
      return interaction;
    };
    const addQuote = (interactionId: string, side: Side, text: string, createdAt: Date) =>
      rows.quotes.push(buildQuote({ id: id(), interactionId, side, text, createdAt }));
    const addFollowUp = (interactionId: string, createdAt: Date, owedBy: Side, description: string, dueIn: number, doneAfter: number | null) => {
      const doneAt = doneAfter === null ? null : new Date(createdAt.getTime() + doneAfter * DAY);
      rows.followUps.push(
        buildFollowUp({
          id: id(),
          accountId,
          interactionId,
          description: fill(description),
          owedBy,
          createdAt,
          dueDate: new Date(createdAt.getTime() + dueIn * DAY),
          // Work finished after `now` has not happened yet.
          doneAt: doneAt && doneAt <= now ? doneAt : null,
        }),
      );
    };

    for (const phase of story.phases) fillPhase(phase);
    for (const moment of story.moments) addMoment(moment);

    function fillPhase(phase: Phase): void {
      for (let d = phase.from - int(0, 3); d > phase.to && d >= 1; d -= phase.every + int(-2, 2)) {
        const type = pickType(phase.types);
        const occurredAt = at(d);
        const observed = type !== "EMAIL" && type !== "STATUS_UPDATE";
        const r = random();
        const cancelledBy = observed && r < (phase.itCancels ?? 0) ? "IT" : observed && r < (phase.itCancels ?? 0) + (phase.clientCancels ?? 0) ? "CLIENT" : "NOBODY";
        if (cancelledBy !== "NOBODY") {
          addInteraction(
            {
              type,
              occurredAt,
              summary: fill(pick(SUMMARIES[type])),
              notes: cancelledBy === "IT" ? "Cancelled by IT at short notice." : "Cancelled by the client; to be rescheduled.",
              sentiment: "NEUTRAL",
              itOnTime: null,
              itPrepared: null,
              cancelledBy,
            },
            managerId,
          );
          continue;
        }
        const mood = weighted(phase.mood);
        const interaction = addInteraction(
          {
            type,
            occurredAt,
            summary: fill(pick(SUMMARIES[type])),
            notes: pick(NOTES_BY_MOOD[mood]!),
            sentiment: SENTIMENTS[mood]!,
            itOnTime: observed ? random() >= (phase.itLate ?? 0) : null,
            itPrepared: observed ? random() >= (phase.itUnprepared ?? 0) : null,
          },
          type === "ESCALATION" ? cioId : managerId,
        );
        if (random() < (phase.chatter ?? 0)) {
          const side: Side = random() < 0.6 ? "BUSINESS" : "IT";
          addQuote(interaction.id, side, pick(CHATTER[side]), occurredAt);
        }
        const f = phase.followUps;
        if (f && random() < f.chance) {
          const owedBy: Side = random() < f.itShare ? "IT" : "BUSINESS";
          const dueIn = int(5, 14);
          const roll = random();
          const open = owedBy === "IT" ? (f.itOpen ?? 0) : 0;
          const late = owedBy === "IT" ? (f.itLate ?? 0) : 0.3;
          const doneAfter = roll < open ? null : roll < open + late ? dueIn + int(3, 15) : int(1, dueIn - 1);
          addFollowUp(interaction.id, occurredAt, owedBy, pick(FOLLOW_UP_DESCRIPTIONS[owedBy]), dueIn, doneAfter);
        }
      }
      const ratings = phase.ratings;
      if (!ratings) return;
      for (let d = phase.from - int(2, 10); d > phase.to && d >= 1; d -= ratings.every + int(-3, 3)) {
        const overall = weighted(ratings.overall) + 1;
        const [low, high] = RECOMMEND_BY_OVERALL[overall]!;
        const dimension = () => Math.min(5, Math.max(1, overall + pick([-1, 0, 0, 1])));
        rows.ratings.push(
          buildRating({
            id: id(),
            accountId,
            userId: client.id,
            overall,
            recommend: int(low, high),
            responsiveness: dimension(),
            delivery: dimension(),
            communication: dimension(),
            businessUnderstanding: dimension(),
            trust: dimension(),
            comment: ratings.comments && random() < 0.5 ? pick(ratings.comments) : "",
            idempotencyKey: uuid(),
            createdAt: at(d),
          }),
        );
      }
    }

    function addMoment(moment: Moment): void {
      const occurredAt = at(moment.daysAgo);
      const observed = moment.type !== "EMAIL" && moment.type !== "STATUS_UPDATE" && (moment.cancelledBy ?? "NOBODY") === "NOBODY";
      const interaction = addInteraction(
        {
          type: moment.type,
          occurredAt,
          summary: moment.summary,
          notes: moment.notes ?? "",
          sentiment: moment.sentiment,
          itOnTime: moment.itOnTime !== undefined ? moment.itOnTime : observed ? true : null,
          itPrepared: moment.itPrepared !== undefined ? moment.itPrepared : observed ? true : null,
          cancelledBy: moment.cancelledBy ?? "NOBODY",
        },
        moment.cio ? cioId : managerId,
      );
      for (const [side, text] of moment.quotes ?? []) addQuote(interaction.id, side, text, occurredAt);
      for (const f of moment.followUps ?? []) addFollowUp(interaction.id, occurredAt, f.owedBy, f.description, f.dueIn, f.doneAfter);
    }
  }

  function pickType(types: Phase["types"]) {
    const entries = Object.entries(types) as [keyof typeof SUMMARIES, number][];
    let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [type, w] of entries) if ((r -= w) < 0) return type;
    return entries[entries.length - 1]![0];
  }

  return { ...rows, spans };
}

/** Likelihood to recommend (0–10) that goes with an overall satisfaction (1–5). */
const RECOMMEND_BY_OVERALL: Record<number, [number, number]> = { 1: [0, 3], 2: [2, 5], 3: [5, 7], 4: [7, 9], 5: [9, 10] };

const REPLAY_CONCURRENCY = 4;

/** The first diagnosis once a month of history exists, then every `everyDays`, then `now`. */
function replayPoints(now: Date, spanDays: number, everyDays: number): Date[] {
  const points: Date[] = [];
  for (let t = now.getTime() - (spanDays - 30) * DAY; t < now.getTime() - DAY; t += everyDays * DAY) points.push(new Date(t));
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
 * Replaces all application data with the demo story, written relative to `now`, then replays each
 * account's health every `replayEveryDays` up to `now` so trend charts have history.
 */
export async function seed(prisma: PrismaClient, { now, replayEveryDays = 14, replayConcurrency = REPLAY_CONCURRENCY }: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildStoryRows(now, passwordHash);

  await wipe(prisma);
  await prisma.$transaction(
    async (tx) => {
      await tx.user.createMany({ data: rows.users });
      await tx.account.createMany({ data: rows.accounts });
      await tx.user.createMany({ data: rows.clients });
      await tx.contact.createMany({ data: rows.contacts });
      for (const { accountId, contactId } of rows.sponsors) await tx.account.update({ where: { id: accountId }, data: { sponsorContactId: contactId } });
      await tx.accountOwnership.createMany({
        data: rows.accounts.map((a) => ({ id: newId(), accountId: a.id as string, managerId: a.relationshipManagerId ?? null, startedAt: a.createdAt as Date })),
      });
      await tx.interaction.createMany({ data: rows.interactions });
      await tx.interactionAttendee.createMany({ data: rows.attendees });
      await tx.quote.createMany({ data: rows.quotes });
      await tx.followUp.createMany({ data: rows.followUps });
      await tx.rating.createMany({ data: rows.ratings });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  // Accounts are independent: replay a few at once (PostgreSQL runs them in parallel; PGlite's
  // adapter queues them on its single connection).
  const accounts: SeededAccount[] = new Array(rows.accounts.length);
  let snapshots = 0;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < rows.accounts.length; index = next++) {
      const account = rows.accounts[index]!;
      const story = ACCOUNT_STORIES[index]!;
      const points = replayPoints(now, rows.spans.get(account.id!)!, replayEveryDays);
      const diagnosis = await prisma.$transaction(
        async (tx) => {
          let last;
          for (const point of points) last = await recomputeAccountHealth(tx, account.id!, point);
          return last!;
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
      snapshots += points.length;
      accounts[index] = { name: story.name, intendedStage: story.intendedStage, stage: diagnosis.stage, score: diagnosis.score };
    }
  };
  await Promise.all(Array.from({ length: replayConcurrency }, worker));

  return {
    counts: {
      users: rows.users.length + rows.clients.length,
      accounts: rows.accounts.length,
      contacts: rows.contacts.length,
      interactions: rows.interactions.length,
      attendees: rows.attendees.length,
      quotes: rows.quotes.length,
      followUps: rows.followUps.length,
      ratings: rows.ratings.length,
      snapshots,
    },
    accounts,
    ms: Math.round(performance.now() - started),
  };
}
