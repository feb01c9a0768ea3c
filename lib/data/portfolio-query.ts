import { z } from "zod";
import { Criticality, HealthTrend, Stage } from "../generated/prisma/enums";
import { idSchema } from "../validation/fields";

// What one view of the portfolio asks for: a page, a sort and filters, all kept in the URL so a
// view can be bookmarked, shared and reloaded, and works without JavaScript. Pure: the dashboard's
// links, its filter form and the JSON API share it.

export const PORTFOLIO_SORTS = ["score", "name", "stage", "criticality", "manager", "since", "trend", "met", "rated", "overdue", "response"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** The direction a column sorts in when first chosen: the worst (or most urgent) first. */
export const DEFAULT_DIRECTION: Record<PortfolioSort, SortDirection> = {
  score: "asc",
  name: "asc",
  stage: "desc",
  criticality: "desc",
  manager: "asc",
  since: "asc",
  trend: "desc",
  met: "asc",
  rated: "asc",
  overdue: "desc",
  response: "asc",
};

/** How a sorted list reads, e.g. "Business units, weakest first". */
export const SORT_LABELS: Record<PortfolioSort, Record<SortDirection, string>> = {
  score: { asc: "weakest first", desc: "strongest first" },
  name: { asc: "by name, A to Z", desc: "by name, Z to A" },
  stage: { asc: "healthiest stage first", desc: "sickest stage first" },
  criticality: { asc: "least critical first", desc: "most critical first" },
  manager: { asc: "by relationship manager, A to Z", desc: "by relationship manager, Z to A" },
  since: { asc: "longest in their stage first", desc: "newest in their stage first" },
  trend: { asc: "improving first", desc: "worsening first" },
  met: { asc: "longest since a meeting first", desc: "met most recently first" },
  rated: { asc: "lowest last rating first", desc: "highest last rating first" },
  overdue: { asc: "fewest overdue IT commitments first", desc: "most overdue IT commitments first" },
  response: { asc: "lowest response rate first", desc: "highest response rate first" },
};

export const PAGE_SIZES = { default: 25, max: 100 } as const;

// Each field falls back to its default on its own, so one bad parameter (a hand-edited URL, an
// old bookmark) never costs the others, and never an error page.
const text = (max: number) => z.string().trim().max(max).catch("");
export const portfolioQuerySchema = z.object({
  q: text(100),
  stage: z.enum(Stage).optional().catch(undefined),
  criticality: z.enum(Criticality).optional().catch(undefined),
  /** Where the units are heading (the diagnosis' trend). */
  heading: z.enum(HealthTrend).optional().catch(undefined),
  /** "me", "none" (unassigned), or a manager's user id. */
  owner: z.union([z.enum(["me", "none"]), idSchema]).optional().catch(undefined),
  sort: z.enum(PORTFOLIO_SORTS).catch("score"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce.number().int().min(1).max(PAGE_SIZES.max).catch(PAGE_SIZES.default),
});

export type PortfolioQuery = z.infer<typeof portfolioQuerySchema> & { dir: SortDirection };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Parses URL search parameters (first value of each); anything invalid becomes its default. */
export function parsePortfolioQuery(params: SearchParams = {}): PortfolioQuery {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const keys = Object.keys(portfolioQuerySchema.shape);
  const parsed = portfolioQuerySchema.parse(Object.fromEntries(keys.map((key) => [key, get(key) || undefined])));
  return { ...parsed, dir: parsed.dir ?? DEFAULT_DIRECTION[parsed.sort] };
}

export const defaultPortfolioQuery: PortfolioQuery = parsePortfolioQuery();

const PARAMETER_LABELS: Record<keyof typeof portfolioQuerySchema.shape, string> = {
  q: "search",
  stage: "stage",
  criticality: "criticality",
  heading: "heading",
  owner: "relationship manager",
  sort: "sort",
  dir: "sort direction",
  page: "page",
  size: "page size",
};

/**
 * The parameters a view ignored because their values were not valid ("stage=SICK", "page=x"), so
 * the page can say so instead of silently showing something else than was asked for.
 */
export function ignoredPortfolioParams(params: SearchParams = {}): { label: string; value: string }[] {
  const ignored: { label: string; value: string }[] = [];
  for (const [key, schema] of Object.entries(portfolioQuerySchema.shape)) {
    const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    // Each field's schema without its fallback: does the value stand on its own?
    if (value && !schema.def.innerType.safeParse(value).success) {
      ignored.push({ label: PARAMETER_LABELS[key as keyof typeof PARAMETER_LABELS], value: value.slice(0, 40) });
    }
  }
  return ignored;
}

/**
 * The URL of a view: `base` with only the parameters that differ from the defaults, so links stay
 * short and the plain dashboard URL is the default view.
 */
export function portfolioHref(base: string, query: PortfolioQuery, change: Partial<PortfolioQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.stage) params.set("stage", next.stage);
  if (next.criticality) params.set("criticality", next.criticality);
  if (next.heading) params.set("heading", next.heading);
  if (next.owner) params.set("owner", next.owner);
  if (next.sort !== defaultPortfolioQuery.sort) params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIRECTION[next.sort]) params.set("dir", next.dir);
  if (next.size !== PAGE_SIZES.default) params.set("size", String(next.size));
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** True when the view narrows the portfolio (an empty result then means "nothing matches"). */
export const isFiltered = (query: PortfolioQuery) => Boolean(query.q || query.stage || query.criticality || query.heading || query.owner);
