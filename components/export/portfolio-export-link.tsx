import { type PortfolioQuery, portfolioHref } from "@/lib/data/portfolio-query";
import { ExportLink } from "./export-link";

/** The portfolio's CSV with the filters and sort the dashboard shows now. */
export function PortfolioExportLink({ query }: { query: PortfolioQuery }) {
  return <ExportLink href={portfolioHref("/api/export/portfolio", query, { page: 1 })} label="the portfolio" />;
}
