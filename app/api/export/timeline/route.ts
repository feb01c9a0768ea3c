import { z } from "zod";
import { csvRoute } from "@/lib/csv/route";
import { exportTimeline } from "@/lib/data/exports/timeline";
import { idSchema } from "@/lib/validation/fields";

/** One unit's timeline as CSV (?accountId=), as the caller's timeline shows it. */
export const GET = csvRoute(
  { name: "GET /api/export/timeline", params: z.object({}), query: z.object({ accountId: idSchema }).strict() },
  ({ actor, query }) => exportTimeline(actor, query.accountId),
);
