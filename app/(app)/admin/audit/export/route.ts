import { z } from "zod";
import { csvRoute } from "@/lib/csv/route";
import { auditFilterSchema, exportAuditLog } from "@/lib/data/audit-log";

/** The audit log as CSV with the page's filters (?actorId=&action=&accountId=&since=&until=): the CIO and admins. */
export const GET = csvRoute({ name: "GET /admin/audit/export", params: z.object({}), query: auditFilterSchema }, ({ actor, query }) => exportAuditLog(actor, query));
