import type { InteractionType, Prisma, Side } from "../../lib/generated/prisma/client";
import { buildAttendee, buildFollowUp, buildInteraction, buildQuote, buildRating } from "./factories";
import { DAY, type UnitContext } from "./build-rows";
import type { StoryPhase } from "./story";
import type { Moment } from "./story-schema";

// Interactions, quotes, follow-ups and ratings: random filler within each phase of the story,
// then the scripted moments that carry it. Symptom phrases appear only in moments, so each unit
// hears exactly the phrases its story needs; filler carries neutral talk only.

const SENTIMENTS = ["VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE"] as const;
/** Likelihood to recommend (0–10) that goes with an overall satisfaction (1–5). */
const RECOMMEND_BY_OVERALL: Record<number, [number, number]> = { 1: [0, 3], 2: [2, 5], 3: [5, 7], 4: [7, 9], 5: [9, 10] };
/** E-mails and status updates have no punctuality or preparation to observe. */
const observable = (type: InteractionType) => type !== "EMAIL" && type !== "STATUS_UPDATE";

type InteractionFields = Omit<Prisma.InteractionCreateManyInput, "accountId" | "loggedById" | "occurredAt">;

export function addInteractions(ctx: UnitContext): void {
  for (const phase of ctx.unit.phases) fillPhase(ctx, phase);
  for (const moment of ctx.unit.moments) addMoment(ctx, moment);
}

/** One interaction with its attendees: the client and perhaps a colleague, the logger and the unit's manager. */
function addInteraction(ctx: UnitContext, daysAgo: number, fields: InteractionFields, loggedById: string) {
  const { rows, random } = ctx;
  const interaction = buildInteraction({ ...fields, id: random.id(), accountId: ctx.accountId, occurredAt: ctx.at(daysAgo), loggedById });
  rows.interactions.push(interaction);
  const [client, ...others] = ctx.contactsAt(daysAgo);
  const who = random.next() < 0.5 || others.length === 0 ? [client!] : [client!, random.pick(others)];
  for (const contactId of who) rows.attendees.push(buildAttendee({ id: random.id(), interactionId: interaction.id, side: "BUSINESS", contactId }));
  for (const userId of new Set([loggedById, ctx.ownerAt(daysAgo)])) {
    rows.attendees.push(buildAttendee({ id: random.id(), interactionId: interaction.id, side: "IT", userId }));
  }
  return interaction;
}

function addQuote(ctx: UnitContext, interactionId: string, side: Side, text: string, createdAt: Date): void {
  ctx.rows.quotes.push(buildQuote({ id: ctx.random.id(), interactionId, side, text, createdAt }));
}

function addFollowUp(ctx: UnitContext, interactionId: string, createdAt: Date, owedBy: Side, description: string, dueIn: number, doneAfter: number | null): void {
  const doneAt = doneAfter === null ? null : new Date(createdAt.getTime() + doneAfter * DAY);
  ctx.rows.followUps.push(
    buildFollowUp({
      id: ctx.random.id(),
      accountId: ctx.accountId,
      interactionId,
      description: ctx.fill(description),
      owedBy,
      createdAt,
      dueDate: new Date(createdAt.getTime() + dueIn * DAY),
      // Work finished after `now` has not happened yet.
      doneAt: doneAt && doneAt <= ctx.now ? doneAt : null,
    }),
  );
}

function fillPhase(ctx: UnitContext, phase: StoryPhase): void {
  const { random, filler } = ctx;
  const types = Object.entries(phase.types) as [InteractionType, number][];
  for (let d = phase.fromDaysAgo - random.int(0, 3); d > phase.toDaysAgo && d >= 1; d -= phase.every + random.int(-2, 2)) {
    const type = types[random.weighted(types.map(([, w]) => w))]![0];
    const observed = observable(type);
    const summary = ctx.fill(random.pick(filler.summaries[type]!));
    // Filler summaries are neutral talk, fit for the client to read as the topic.
    const topic = summary;
    const r = random.next();
    const itCancels = phase.itCancels ?? 0;
    const cancelledBy = !observed ? "NOBODY" : r < itCancels ? "IT" : r < itCancels + (phase.clientCancels ?? 0) ? "CLIENT" : "NOBODY";
    if (cancelledBy !== "NOBODY") {
      const notes = cancelledBy === "IT" ? "Cancelled by IT at short notice." : "Cancelled by the client; to be rescheduled.";
      const fields = { type, summary, topic, notes, sentiment: "NEUTRAL", itOnTime: null, itPrepared: null, outcome: "CANCELLED", cancelledBy } as const;
      addInteraction(ctx, d, fields, ctx.ownerAt(d));
      continue;
    }
    const mood = random.weighted(phase.mood);
    const interaction = addInteraction(
      ctx,
      d,
      {
        type,
        summary,
        topic,
        notes: random.pick(filler.notesByMood[mood]!),
        sentiment: SENTIMENTS[mood]!,
        itOnTime: observed ? random.next() >= (phase.itLate ?? 0) : null,
        itPrepared: observed ? random.next() >= (phase.itUnprepared ?? 0) : null,
      },
      type === "ESCALATION" ? ctx.cioId : ctx.ownerAt(d),
    );
    if (random.next() < (phase.chatter ?? 0)) {
      const side: Side = random.next() < 0.6 ? "BUSINESS" : "IT";
      addQuote(ctx, interaction.id, side, random.pick(filler.chatter[side]!), interaction.occurredAt);
    }
    const f = phase.followUps;
    if (f && random.next() < f.chance) {
      const owedBy: Side = random.next() < f.itShare ? "IT" : "BUSINESS";
      const dueIn = random.int(5, 14);
      const roll = random.next();
      const open = owedBy === "IT" ? (f.itOpen ?? 0) : 0;
      const late = owedBy === "IT" ? (f.itLate ?? 0) : 0.3;
      const doneAfter = roll < open ? null : roll < open + late ? dueIn + random.int(3, 15) : random.int(1, dueIn - 1);
      addFollowUp(ctx, interaction.id, interaction.occurredAt, owedBy, random.pick(filler.followUps[owedBy]!), dueIn, doneAfter);
    }
  }
  const ratings = phase.ratings;
  if (!ratings) return;
  for (let d = phase.fromDaysAgo - random.int(2, 10); d > phase.toDaysAgo && d >= 1; d -= ratings.every + random.int(-3, 3)) {
    const overall = random.weighted(ratings.overall) + 1;
    const [low, high] = RECOMMEND_BY_OVERALL[overall]!;
    const dimension = () => Math.min(5, Math.max(1, overall + random.pick([-1, 0, 0, 1])));
    ctx.rows.ratings.push(
      buildRating({
        id: random.id(),
        accountId: ctx.accountId,
        userId: ctx.clientUserId,
        overall,
        recommend: random.int(low, high),
        responsiveness: dimension(),
        delivery: dimension(),
        communication: dimension(),
        businessUnderstanding: dimension(),
        trust: dimension(),
        comment: ratings.comments && random.next() < 0.5 ? random.pick(ratings.comments) : "",
        idempotencyKey: random.uuid(),
        createdAt: ctx.at(d),
      }),
    );
  }
}

function addMoment(ctx: UnitContext, moment: Moment): void {
  const held = moment.outcome === "HELD";
  const observed = held && observable(moment.type);
  const interaction = addInteraction(
    ctx,
    moment.daysAgo,
    {
      type: moment.type,
      summary: moment.summary,
      topic: moment.topic,
      notes: moment.notes,
      sentiment: moment.sentiment,
      itOnTime: moment.itOnTime !== undefined ? moment.itOnTime : observed ? true : null,
      itPrepared: moment.itPrepared !== undefined ? moment.itPrepared : observed ? true : null,
      outcome: moment.outcome,
      cancelledBy: moment.missedBy ?? "NOBODY",
    },
    moment.cio ? ctx.cioId : ctx.ownerAt(moment.daysAgo),
  );
  for (const { side, text } of moment.quotes) addQuote(ctx, interaction.id, side, text, interaction.occurredAt);
  for (const f of moment.followUps) addFollowUp(ctx, interaction.id, interaction.occurredAt, f.owedBy, f.description, f.dueInDays, f.doneAfterDays);
}
