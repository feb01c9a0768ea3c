"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

// The portfolio's views, each its own page (bookmarkable, works without JavaScript): the units
// table stays cheap, the heavier views load only when asked for (decision 021).
export const PORTFOLIO_VIEWS = [
  { href: "/dashboard", label: "Units" },
  { href: "/dashboard/changes", label: "What changed" },
  { href: "/dashboard/trends", label: "Trends" },
  { href: "/dashboard/managers", label: "Managers" },
  { href: "/dashboard/maturity", label: "Maturity" },
] as const;

/** Not prefetched: each view is a dynamic render of the whole portfolio. */
export function PortfolioTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Portfolio views" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {PORTFOLIO_VIEWS.map(({ href, label }) => {
          const current = href === "/dashboard" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                prefetch={false}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-700",
                  current ? "border-blue-700 text-blue-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
