"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ACCOUNT_SECTIONS } from "./account-sections";

/**
 * Links, not a tab widget: each section is its own page, reachable and bookmarkable without
 * JavaScript. Styled from app/globals.css (.account-tabs), the current one by its aria-current,
 * rather than by a long class list on each of the twenty links.
 */
export function AccountTabs({ accountId, sections }: { accountId: string; sections: readonly (typeof ACCOUNT_SECTIONS)[number][] }) {
  const pathname = usePathname();
  const base = `/accounts/${accountId}`;
  return (
    <nav aria-label="Account sections" className="account-tabs">
      <ul>
        {sections.map(({ segment, label }) => {
          const href = segment ? `${base}/${segment}` : base;
          const current = segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
          return (
            <li key={segment}>
              <Link href={href} aria-current={current ? "page" : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
