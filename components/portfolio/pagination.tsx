import Link from "next/link";

const count = new Intl.NumberFormat("en-GB");

/** "Showing 51–100 of 2,000 business units" (or where a page past the end stands). */
export function PageSummary({ total, query, shown, noun = ["business unit", "business units"] }: { total: number; query: { page: number; size: number }; shown: number; noun?: [string, string] }) {
  const first = (query.page - 1) * query.size + 1;
  const text = shown === 0 ? `No units on page ${query.page}; there ${total === 1 ? "is" : "are"} ${count.format(total)} in all` : `Showing ${count.format(first)}–${count.format(first + shown - 1)} of ${count.format(total)} ${total === 1 ? noun[0] : noun[1]}`;
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
 * `href(page)`: the URL of a page of the same view.
 */
export function Pagination({ total, page: current, size, href, label = "Pages of business units" }: { total: number; page: number; size: number; href: (page: number) => string; label?: string }) {
  const last = Math.max(1, Math.ceil(total / size));
  if (last === 1 && current === 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1 text-sm">
      {current > 1 && (
        <Link href={href(Math.min(current - 1, last))} prefetch={false} rel="prev" className={linkClass}>
          ← Previous<span className="sr-only"> page</span>
        </Link>
      )}
      {visiblePages(current, last).map((page, index) =>
        page === "gap" ? (
          <span key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-400">
            …
          </span>
        ) : page === current ? (
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
      {current < last && (
        <Link href={href(current + 1)} prefetch={false} rel="next" className={linkClass}>
          Next<span className="sr-only"> page</span> →
        </Link>
      )}
    </nav>
  );
}
