import type { ReportQuery } from "./query";

// Where each report lives: the page and its PDF take the same query.

const query = (q: ReportQuery, withSpan: boolean) => `?month=${q.month.key}${withSpan ? `&months=${q.months}` : ""}`;

export const reportLinks = (accountId: string | null) => {
  const page = accountId ? `/accounts/${accountId}/reports` : "/reports";
  const pdf = accountId ? `/api/reports/accounts/${accountId}` : "/api/reports/portfolio";
  return {
    monthly: page,
    failures: `${page}/failures`,
    monthlyPdf: (q: ReportQuery) => `${pdf}/monthly${query(q, false)}`,
    failuresPdf: (q: ReportQuery) => `${pdf}/failures${query(q, true)}`,
    monthlyOf: (q: ReportQuery) => `${page}${query(q, false)}`,
    failuresOf: (q: ReportQuery) => `${page}/failures${query(q, true)}`,
  };
};
