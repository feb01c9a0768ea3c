import { z } from "zod";
import { type PortfolioPage } from "@/lib/data/portfolio";
import { portfolioHref } from "@/lib/data/portfolio-query";
import { portfolioRowSchema } from "@/lib/data/portfolio-shapes";

const BASE = "/api/accounts";

/** GET /api/accounts: one page of rows, each shaped for the caller's access to it, and the links to walk the pages. */
export const accountListResponseSchema = z.object({
  accounts: z.array(portfolioRowSchema),
  page: z.object({ number: z.number().int(), size: z.number().int(), total: z.number().int(), pages: z.number().int() }),
  links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() }),
});

export function accountListResponse({ rows, total, query }: PortfolioPage) {
  const pages = Math.max(1, Math.ceil(total / query.size));
  return accountListResponseSchema.parse({
    accounts: rows,
    page: { number: query.page, size: query.size, total, pages },
    links: {
      self: portfolioHref(BASE, query),
      next: query.page < pages ? portfolioHref(BASE, query, { page: query.page + 1 }) : null,
      prev: query.page > 1 ? portfolioHref(BASE, query, { page: Math.min(query.page - 1, pages) }) : null,
    },
  });
}
