import { z } from "zod";
import { getPortfolioPage } from "@/lib/data/portfolio";
import { parsePortfolioQuery } from "@/lib/data/portfolio-query";
import { routeHandler } from "@/lib/http/route-handler";
import { accountListResponse } from "./response";

/**
 * The portfolio as JSON, for IT roles, a page at a time: the dashboard's query parameters (page,
 * size up to 100, sort, dir, q, stage, owner, criticality; invalid ones fall back to their
 * defaults) and `links.next` until the last page.
 */
export function GET(request: Request, context: { params?: Promise<Record<string, string | string[]>> }) {
  const query = parsePortfolioQuery(new URL(request.url).searchParams);
  return routeHandler({ name: "GET /api/accounts", params: z.object({}) }, async ({ actor }) => accountListResponse(await getPortfolioPage(actor, query)))(request, context);
}
