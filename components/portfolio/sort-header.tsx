import Link from "next/link";
import { DEFAULT_DIRECTION, type PortfolioQuery, type PortfolioSort, portfolioHref } from "@/lib/data/portfolio-query";

interface Props {
  sort: PortfolioSort;
  query: PortfolioQuery;
  basePath: string;
  className?: string;
  children: string;
}

/**
 * A column header that sorts by its column: a plain link (works without JavaScript, reachable with
 * Tab), `aria-sort` on the column in force. Choosing the sorted column again reverses it; a new
 * column starts with its most urgent end first. Back to page one, where the new order starts.
 * The role is explicit: at phone width the header row is visually hidden, which changes its display.
 */
export function SortHeader({ sort, query, basePath, className = "", children }: Props) {
  const active = query.sort === sort;
  const dir = active ? (query.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
  const ariaSort = active ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" role="columnheader" aria-sort={ariaSort} className={className || undefined}>
      <Link href={portfolioHref(basePath, query, { sort, dir, page: 1 })} prefetch={false} className="inline-flex items-center gap-1 uppercase hover:text-slate-900 hover:underline">
        {children}
        <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-300"}>
          {active && query.dir === "desc" ? "▼" : "▲"}
        </span>
        <span className="sr-only">{active ? `, sorted ${ariaSort}; choose to reverse` : ", choose to sort"}</span>
      </Link>
    </th>
  );
}
