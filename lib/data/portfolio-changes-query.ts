import { z } from "zod";
import { idSchema } from "../validation/fields";

// What the "What changed" view asks for, kept in the URL like the portfolio's own view: since
// which day (default a week ago), whose units, which page. Pure; each field falls back on its own.

const DAY = 86_400_000;
export const CHANGES_DEFAULT_DAYS = 7;
/** The oldest day one can look back to: the score history the account page keeps (a year). */
export const CHANGES_MAX_DAYS = 365;
export const CHANGES_PAGE_SIZE = 25;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface ChangesQuery {
  /** A calendar day (UTC), YYYY-MM-DD: changes from its start on. */
  since: string;
  owner?: "me" | "none" | string;
  page: number;
}

/** Parses URL search parameters; a since-day that is not a real day, in the future or over a year back becomes the default. */
export function parseChangesQuery(params: Record<string, string | string[] | undefined> = {}, now: Date = new Date()): ChangesQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  const today = isoDay(now);
  const oldest = isoDay(new Date(now.getTime() - CHANGES_MAX_DAYS * DAY));
  const fallback = isoDay(new Date(now.getTime() - CHANGES_DEFAULT_DAYS * DAY));
  const schema = z.object({
    since: z.iso
      .date()
      .refine((day) => day >= oldest && day <= today)
      .catch(fallback),
    owner: z.union([z.enum(["me", "none"]), idSchema]).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  });
  return schema.parse({ since: first(params.since) ?? fallback, owner: first(params.owner), page: first(params.page) ?? 1 });
}

/** The start of the since-day (UTC). */
export const changesSince = (query: ChangesQuery) => new Date(`${query.since}T00:00:00Z`);

/** The URL of a view of what changed, with only what differs from the defaults (the since-day is always kept: "a week ago" moves). */
export function changesHref(base: string, query: ChangesQuery, change: Partial<ChangesQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams({ since: next.since });
  if (next.owner) params.set("owner", next.owner);
  if (next.page > 1) params.set("page", String(next.page));
  return `${base}?${params}`;
}
