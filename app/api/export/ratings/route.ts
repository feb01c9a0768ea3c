import { z } from "zod";
import { csvRoute } from "@/lib/csv/route";
import { exportRatings } from "@/lib/data/exports/ratings";
import { exportQuerySchema } from "@/lib/data/exports/query";

/** Ratings as CSV (?accountId=&since=&until=, YYYY-MM-DD): every rating of the units the caller may see, streamed. */
export const GET = csvRoute({ name: "GET /api/export/ratings", params: z.object({}), query: exportQuerySchema }, ({ actor, query }) => exportRatings(actor, query));
