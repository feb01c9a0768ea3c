import { z } from "zod";
import { getPortfolioFailureReport } from "@/lib/data/reports";
import { pdfFilename, renderFailurePdf } from "@/lib/reports/pdf/render";
import { firstOf } from "@/lib/reports/month";
import { pdfRoute } from "@/lib/reports/pdf-route";

/** The portfolio's failure report as PDF: IT (a manager's covers their own units). */
export const GET = pdfRoute({ name: "GET /api/reports/portfolio/failures", params: z.object({}) }, async ({ actor, query }) => {
  const report = await getPortfolioFailureReport(actor, query.month, query.months);
  return { bytes: await renderFailurePdf(report), filename: pdfFilename("portfolio", "failure-report", `${firstOf(report.months).key}-to-${query.month.key}`) };
});
