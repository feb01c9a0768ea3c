import { z } from "zod";
import type { Keyset } from "../../data/keyset";
import { ApiError } from "./errors";

// Cursor pagination for every list (decision 029): the cursor is opaque to callers (base64url of
// the last row's sort key and id), so a list can change its sort key without breaking them, and
// rows written while a script walks the pages neither repeat nor shift the pages after.

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;

const isoDateTime = (what: string) => z.iso.datetime({ offset: true, error: `${what} must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z` });

/** ?limit=&cursor=&since=&until= — the query every list accepts; a list adds its own filters with .extend(). */
export const listQuerySchema = z.object({
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(MAX_LIMIT, { error: `limit is at most ${MAX_LIMIT}` }).default(DEFAULT_LIMIT).meta({ description: `Rows per page, 1–${MAX_LIMIT}.` }),
  cursor: z.string().max(200).optional().meta({ description: "The previous page's nextCursor." }),
  since: isoDateTime("since").optional().meta({ description: "Only rows at or after this time (the list's time field)." }),
  until: isoDateTime("until").optional().meta({ description: "Only rows before this time." }),
});

export type ListQuery = z.output<typeof listQuerySchema>;

/** A list's answer: `{ data: [...], nextCursor }`, nextCursor null on the last page. */
export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export function encodeCursor(key: { at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = typeof at === "string" ? new Date(at) : new Date(Number.NaN);
    if (typeof id === "string" && id.length <= 40 && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // falls through to the error below
  }
  throw new ApiError(400, "invalid_request", "The cursor is not one this API gave out.", { cursor: ["Use the nextCursor of the previous page"] });
}

/** The keyset a data-layer list function takes, from the list query. */
export function keysetOf(query: ListQuery): Keyset {
  return {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    since: query.since ? new Date(query.since) : undefined,
    until: query.until ? new Date(query.until) : undefined,
  };
}

/** One page from rows fetched with limit + 1 (the keyset's take): the extra row only says there is more. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => { at: Date; id: string }): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
