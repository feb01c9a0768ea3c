import { z } from "zod";
import { listPortfolio } from "@/lib/data/portfolio";
import { routeHandler } from "@/lib/http/route-handler";

/** The portfolio as JSON, for IT roles. */
export const GET = routeHandler({ name: "GET /api/accounts", params: z.object({}) }, async ({ actor }) => ({
  accounts: await listPortfolio(actor),
}));
