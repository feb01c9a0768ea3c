import { z } from "zod";
import { getUnitMonthlyReport } from "@/lib/data/reports";
import { pdfFilename, renderMonthlyPdf } from "@/lib/reports/pdf/render";
import { pdfRoute } from "@/lib/reports/pdf-route";
import { idSchema } from "@/lib/validation/fields";

/** A unit's monthly value report as PDF (?month=YYYY-MM, default last month): whoever may open the unit. */
export const GET = pdfRoute({ name: "GET /api/reports/accounts/[id]/monthly", params: z.object({ id: idSchema }) }, async ({ actor, params, query }) => {
  const report = await getUnitMonthlyReport(actor, params.id, query.month);
  const name = report.scope.kind === "unit" ? report.scope.accountName : "unit";
  return { bytes: await renderMonthlyPdf(report), filename: pdfFilename(name, "value-report", query.month.key) };
});
