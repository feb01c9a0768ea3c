import Link from "next/link";
import { type PortfolioQuery, portfolioHref } from "@/lib/data/portfolio-query";

const count = new Intl.NumberFormat("en-GB");

/** "Showing 51–100 of 2,000 business units" (or where a page past the end stands). */
export function PageSummary({ total, query, shown }: { total: number; query: PortfolioQuery; shown: number }) {
  const first = (query.page - 1) * query.size + 1;
  const text = shown === 0 ? `No units on page ${query.page}; there ${total === 1 ? "is" : "are"} ${count.format(total)} in all` : `Showing ${count.format(first)}–${count.format(first + shown - 1)} of ${count.format(total)} business ${total === 1 ? "unit" : "units"}`;
  return (
    <p className="text-sm text-slate-600" aria-live="polite">
      {text}
    </p>
  );
}

/** The pages shown as links: the first, the last, and two either side of the current one. */
export function visiblePages(current: number, last: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let page = 1; page <= last; page++) {
    if (page === 1 || page === last || Math.abs(page - current) <= 2) pages.push(page);
    else if (pages.at(-1) !== "gap") pages.push("gap");
  }
  return pages;
}

const linkClass = "rounded px-2.5 py-1 hover:bg-slate-100";

/**
 * Page links: plain links that work without JavaScript. None prefetches: each page is a fresh
 * server render of the portfolio, so a prefetch costs as much as the visit it may never become.
 */
export function Pagination({ total, query, basePath }: { total: number; query: PortfolioQuery; basePath: string }) {
  const last = Math.max(1, Math.ceil(total / query.size));
  if (last === 1 && query.page === 1) return null;
  const href = (page: number) => portfolioHref(basePath, query, { page });
  return (
    <nav aria-label="Pages of business units" className="flex flex-wrap items-center gap-1 text-sm">
      {query.page > 1 && (
        <Link href={href(Math.min(query.page - 1, last))} prefetch={false} rel="prev" className={linkClass}>
          ← Previous<span className="sr-only"> page</span>
        </Link>
      )}
      {visiblePages(query.page, last).map((page, index) =>
        page === "gap" ? (
          <span key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-400">
            …
          </span>
        ) : page === query.page ? (
          <span key={page} aria-current="page" className="rounded bg-slate-900 px-2.5 py-1 font-medium text-white">
            <span className="sr-only">Page </span>
            {page}
          </span>
        ) : (
          <Link key={page} href={href(page)} prefetch={false} className={linkClass}>
            <span className="sr-only">Page </span>
            {page}
          </Link>
        ),
      )}
      {query.page < last && (
        <Link href={href(query.page + 1)} prefetch={false} rel="next" className={linkClass}>
          Next<span className="sr-only"> page</span> →
        </Link>
      )}
    </nav>
  );
}
