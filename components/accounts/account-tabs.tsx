"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { ACCOUNT_SECTIONS } from "./account-sections";

/** Links, not a tab widget: each section is its own page, reachable and bookmarkable without JavaScript. */
export function AccountTabs({ accountId, sections }: { accountId: string; sections: readonly (typeof ACCOUNT_SECTIONS)[number][] }) {
  const pathname = usePathname();
  const base = `/accounts/${accountId}`;
  return (
    <nav aria-label="Account sections" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {sections.map(({ segment, label }) => {
          const href = segment ? `${base}/${segment}` : base;
          const current = segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
          return (
            <li key={segment}>
              <Link
                href={href}
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
