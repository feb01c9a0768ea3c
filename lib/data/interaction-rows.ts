import "server-only";
import { quotePhrases } from "../scoring/phrases/sources";
import type { InteractionEdit } from "../validation/interaction";
import { auditJson, changedFields } from "./account-write";
import { recordAudit, type Tx } from "./audit";
import { InputConflictError } from "./errors";
import type { Actor } from "./permissions";

// An interaction's quotes and follow-ups as rows of its correction form: a row with an id corrects
// that quote or follow-up, a row without one adds it, and one left out is soft-deleted. Each row
// is audited on its own, so a follow-up's history shows what happened to it wherever it was changed.

export interface RowContext {
  tx: Tx;
  actor: Actor;
  accountId: string;
  interactionId: string;
  now: Date;
}

/** Why a row left out of a correction was deleted (the audit log keeps who did it). */
const REMOVED = "Removed when the interaction was corrected";

/** A quote's columns, with the phrases its text holds detected now (the speaker is known). */
export const quoteData = (quote: { side: "BUSINESS" | "IT"; text: string }) => ({
  side: quote.side,
  text: quote.text,
  phraseHits: quotePhrases(quote.text, quote.side),
});

/** Due dates are calendar days, stored as midnight UTC. */
export const followUpDueDate = (day: string) => new Date(`${day}T00:00:00Z`);

interface RowTable<Row extends { id: string }> {
  entityType: "Quote" | "FollowUp";
  prefix: "quote" | "followUp";
  noun: string;
  live: (context: RowContext) => Promise<Row[]>;
  /** What the history shows of a row, and what a correction compares. */
  view: (row: Row) => Record<string, unknown>;
  /** The row's columns from the form. */
  create: (context: RowContext, input: Record<string, unknown>) => Promise<Row>;
  update: (context: RowContext, id: string, input: Record<string, unknown>) => Promise<Row>;
  remove: (context: RowContext, id: string) => Promise<unknown>;
}

const same = (a: object, b: object) => JSON.stringify(auditJson(a)) === JSON.stringify(auditJson(b));

/** Applies the submitted rows; returns how many rows were added, changed or removed. */
async function correctRows<Row extends { id: string }>(table: RowTable<Row>, context: RowContext, submitted: { id?: string }[]): Promise<number> {
  const before = new Map((await table.live(context)).map((row) => [row.id, row]));
  const named = submitted.filter((row) => row.id !== undefined).map((row) => row.id as string);
  if (named.some((id) => !before.has(id)) || new Set(named).size !== named.length) {
    throw new InputConflictError(`Some ${table.noun}s were changed or removed meanwhile: reload the page and correct them again.`);
  }
  const audit = (verb: string, entityId: string, details: object) =>
    recordAudit(context.tx, { actorId: context.actor.id, accountId: context.accountId, action: `${table.prefix}.${verb}`, entityType: table.entityType, entityId, details: auditJson(details) });

  let changed = 0;
  for (const [id, row] of before) {
    if (named.includes(id)) continue;
    await table.remove(context, id);
    await audit("deleted", id, { before: table.view(row), reason: REMOVED });
    changed++;
  }
  for (const { id, ...input } of submitted) {
    if (id === undefined) {
      const row = await table.create(context, input);
      await audit("created", row.id, { after: table.view(row) });
      changed++;
      continue;
    }
    const stored = before.get(id) as Row;
    const old = table.view(stored);
    // Unchanged rows are left alone: no write, no audit event, no phrase detection.
    if (same(old, table.view({ ...stored, ...input }))) continue;
    const row = await table.update(context, id, input);
    await audit("updated", id, changedFields(old, table.view(row)) as object);
    changed++;
  }
  return changed;
}

type QuoteRow = { id: string; side: "BUSINESS" | "IT"; text: string };

const quotes: RowTable<QuoteRow> = {
  entityType: "Quote",
  prefix: "quote",
  noun: "quote",
  live: ({ tx, interactionId }) => tx.quote.findMany({ where: { interactionId, deletedAt: null }, select: { id: true, side: true, text: true } }),
  view: ({ side, text }) => ({ side, text }),
  create: ({ tx, interactionId, now }, input) =>
    tx.quote.create({ data: { ...quoteData(input as QuoteRow), interactionId, createdAt: now }, select: { id: true, side: true, text: true } }),
  // The text or its speaker changed: its phrases are detected again.
  update: ({ tx }, id, input) => tx.quote.update({ where: { id }, data: quoteData(input as QuoteRow), select: { id: true, side: true, text: true } }),
  remove: ({ tx, now }, id) => tx.quote.update({ where: { id }, data: { deletedAt: now, deleteReason: REMOVED } }),
};

type FollowUpRow = { id: string; description: string; owedBy: "BUSINESS" | "IT"; dueDate: Date };
type FollowUpInput = { description: string; owedBy: "BUSINESS" | "IT"; dueDate: string };
const followUpSelect = { id: true, description: true, owedBy: true, dueDate: true } as const;

const followUps: RowTable<FollowUpRow> = {
  entityType: "FollowUp",
  prefix: "followUp",
  noun: "follow-up",
  live: ({ tx, interactionId }) => tx.followUp.findMany({ where: { interactionId, deletedAt: null }, select: followUpSelect }),
  view: ({ description, owedBy, dueDate }) => ({ description, owedBy, dueDate: typeof dueDate === "string" ? followUpDueDate(dueDate) : dueDate }),
  create: ({ tx, accountId, interactionId, now }, input) => {
    const { description, owedBy, dueDate } = input as FollowUpInput;
    // Stamped with the request's `now`, so this request's re-diagnosis counts it.
    return tx.followUp.create({ data: { accountId, interactionId, description, owedBy, dueDate: followUpDueDate(dueDate), createdAt: now }, select: followUpSelect });
  },
  update: ({ tx }, id, input) => {
    const { description, owedBy, dueDate } = input as FollowUpInput;
    return tx.followUp.update({ where: { id }, data: { description, owedBy, dueDate: followUpDueDate(dueDate) }, select: followUpSelect });
  },
  remove: ({ tx, now }, id) => tx.followUp.update({ where: { id }, data: { deletedAt: now, deleteReason: REMOVED } }),
};

export const correctQuotes = (context: RowContext, rows: InteractionEdit["quotes"]) => correctRows(quotes, context, rows);
export const correctFollowUps = (context: RowContext, rows: InteractionEdit["followUps"]) => correctRows(followUps, context, rows);
