import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import type { FailureReport, MonthlyReport } from "../shapes";
import { FailureReportPdf } from "./failure";
import { MonthlyReportPdf } from "./monthly";

// Rendered on the server with @react-pdf/renderer (decision 025): no browser, no network.

export const renderMonthlyPdf = (report: MonthlyReport): Promise<Buffer> => renderToBuffer(<MonthlyReportPdf report={report} />);
export const renderFailurePdf = (report: FailureReport): Promise<Buffer> => renderToBuffer(<FailureReportPdf report={report} />);

/** "finance-value-report-2026-11.pdf": letters, digits and dashes only (safe in a header). */
export function pdfFilename(name: string, kind: "value-report" | "failure-report", period: string): string {
  const slug = name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "report";
  return `${slug}-${kind}-${period}.pdf`;
}
