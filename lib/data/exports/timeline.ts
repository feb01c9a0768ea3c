import "server-only";
import type { CsvCell } from "../../csv/cells";
import type { CsvColumn } from "../../csv/stream";
import type { CsvExport } from "../../csv/route";
import { csvFilename } from "../../csv/stream";
import { getAccountSummary } from "../accounts";
import type { Actor } from "../permissions";
import { timelineQuerySchema } from "../../validation/timeline";
import { getTimeline, type TimelinePage } from "../timeline";

type Row = TimelinePage["interactions"][number];

const BATCH = 500;
const day = (date: Date) => date.toISOString().slice(0, 10);
const names = (row: Row, side: "IT" | "BUSINESS") =>
  row.attendees
    .filter((attendee) => attendee.side === side)
    .map((attendee) => attendee.user?.name ?? attendee.contact?.name)
    .filter(Boolean)
    .join("; ");
const followUps = (row: Row) => row.followUps.map((f) => `${f.owedBy === "IT" ? "IT" : "client"}: ${f.description} (due ${day(f.dueDate)}${f.doneAt ? ", done" : ""})`).join("; ");

/**
 * An account's timeline, read page by page through getTimeline itself (its keyset on
 * (occurredAt, id) and its per-access shaping), so the file holds exactly what the caller's
 * timeline shows: a client's has no summary, notes, sentiment or quotes, not even as columns.
 */
export async function exportTimeline(actor: Actor, accountId: string): Promise<CsvExport<Row>> {
  const summary = await getAccountSummary(actor, accountId);
  const first = await getTimeline(actor, accountId, {}, BATCH);
  const full = first.access === "full";
  const columns: CsvColumn<Row>[] = [
    { header: "occurred_at", value: (row) => row.occurredAt },
    { header: "type", value: (row) => row.type.toLowerCase() },
    { header: "topic", value: (row) => row.topic },
    ...(full ? [{ header: "summary", value: (row: Row): CsvCell => row.summary }] : []),
    { header: "outcome", value: (row) => row.outcome?.toLowerCase() },
    { header: "it_attendees", value: (row) => names(row, "IT") },
    { header: "business_attendees", value: (row) => names(row, "BUSINESS") },
    { header: "follow_ups", value: followUps },
    ...(full
      ? [
          { header: "sentiment", value: (row: Row): CsvCell => row.sentiment },
          { header: "notes", value: (row: Row): CsvCell => row.notes },
          { header: "quotes", value: (row: Row): CsvCell => row.quotes?.map((q) => `${q.side === "IT" ? "IT" : "client"}: ${q.text}`).join("; ") },
        ]
      : []),
  ];
  return { filename: csvFilename(summary.account.name, "timeline"), columns, rows: pages(actor, accountId, first) };
}

/** getTimeline's pages one after another, each from the one before's `older` cursor (its keyset). */
async function* pages(actor: Actor, accountId: string, first: TimelinePage): AsyncGenerator<Row> {
  let page = first;
  for (;;) {
    yield* page.interactions;
    if (!page.older) return;
    page = await getTimeline(actor, accountId, timelineQuerySchema.parse({ from: page.older }), BATCH);
  }
}
