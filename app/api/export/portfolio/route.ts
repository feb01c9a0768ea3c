import { z } from "zod";
import { csvRoute } from "@/lib/csv/route";
import { exportPortfolio } from "@/lib/data/exports/portfolio";
import { parsePortfolioQuery } from "@/lib/data/portfolio-query";

/**
 * The portfolio as CSV with the dashboard's filters and sort (?q=&stage=&criticality=&heading=&owner=&sort=&dir=):
 * parsed as the dashboard parses them (a bad value falls back to its default), every page.
 */
const query = z.record(z.string(), z.string()).transform((raw) => parsePortfolioQuery(raw));

export const GET = csvRoute({ name: "GET /api/export/portfolio", params: z.object({}), query }, ({ actor, query }) => exportPortfolio(actor, query));
