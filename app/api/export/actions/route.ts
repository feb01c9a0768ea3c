import { z } from "zod";
import { csvRoute } from "@/lib/csv/route";
import { exportActions } from "@/lib/data/exports/actions";
import { exportQuerySchema } from "@/lib/data/exports/query";

/** Action plans as CSV (?accountId=&since=&until=): IT's actions on the units the caller has full access to. */
export const GET = csvRoute({ name: "GET /api/export/actions", params: z.object({}), query: exportQuerySchema }, ({ actor, query }) => exportActions(actor, query));
