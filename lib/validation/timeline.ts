import { z } from "zod";
import { INTERACTION_TYPES, SIDES } from "../scoring/enums";
import { idSchema } from "./fields";

// The timeline's place and filters, kept in the URL (?kind=CALL&side=IT&from=…) so paging and
// filtering work as plain links and GET forms, before or without JavaScript.

/** A position on the timeline: an interaction's time and id (newest first, ties by id). */
export interface TimelineCursor {
  at: Date;
  id: string;
}

/** "1772532000000.ckxyz…": the interaction's time in epoch milliseconds, and its id. */
export const encodeCursor = ({ at, id }: TimelineCursor) => `${at.getTime()}.${id}`;

const cursorSchema = z
  .string()
  .regex(/^\d{1,15}\.[a-z0-9]{20,40}$/)
  .transform((value): TimelineCursor => {
    const [ms, id] = value.split(".") as [string, string];
    return { at: new Date(Number(ms)), id: idSchema.parse(id) };
  });

/** A link someone edited by hand shows the newest page unfiltered rather than an error. */
export const timelineQuerySchema = z.object({
  kind: z.enum(INTERACTION_TYPES).optional().catch(undefined),
  side: z.enum(SIDES).optional().catch(undefined),
  from: cursorSchema.optional().catch(undefined),
});

export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** The URL query for a timeline page ("" for the newest page unfiltered). */
export function timelineSearch({ kind, side, from }: { kind?: string; side?: string; from?: string | null }): string {
  const params = new URLSearchParams();
  if (kind) params.set("kind", kind);
  if (side) params.set("side", side);
  if (from) params.set("from", from);
  const query = params.toString();
  return query ? `?${query}` : "";
}
