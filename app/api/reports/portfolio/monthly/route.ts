import { z } from "zod";
import { getPortfolioMonthlyReport } from "@/lib/data/reports";
import { pdfFilename, renderMonthlyPdf } from "@/lib/reports/pdf/render";
import { pdfRoute } from "@/lib/reports/pdf-route";

/** The portfolio's monthly value report as PDF: IT (a manager's covers their own units). */
export const GET = pdfRoute({ name: "GET /api/reports/portfolio/monthly", params: z.object({}) }, async ({ actor, query }) => {
  const report = await getPortfolioMonthlyReport(actor, query.month);
  return { bytes: await renderMonthlyPdf(report), filename: pdfFilename("portfolio", "value-report", query.month.key) };
});
