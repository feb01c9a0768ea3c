import { z } from "zod";
import { getUnitFailureReport } from "@/lib/data/reports";
import { pdfFilename, renderFailurePdf } from "@/lib/reports/pdf/render";
import { firstOf } from "@/lib/reports/month";
import { pdfRoute } from "@/lib/reports/pdf-route";
import { idSchema } from "@/lib/validation/fields";

/** A unit's failure report as PDF (?month=YYYY-MM&months=1|3|6|12): whoever may open the unit. */
export const GET = pdfRoute({ name: "GET /api/reports/accounts/[id]/failures", params: z.object({ id: idSchema }) }, async ({ actor, params, query }) => {
  const report = await getUnitFailureReport(actor, params.id, query.month, query.months);
  const name = report.scope.kind === "unit" ? report.scope.accountName : "unit";
  return { bytes: await renderFailurePdf(report), filename: pdfFilename(name, "failure-report", `${firstOf(report.months).key}-to-${query.month.key}`) };
});
