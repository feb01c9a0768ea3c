import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { HeaderMenu } from "@/components/layout/header-menu";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { editsSurveyPolicy } from "@/lib/campaigns/policy";
import { runsCampaigns } from "@/lib/data/campaigns";
import { mayImport } from "@/lib/data/csv-imports";
import type { Actor } from "@/lib/data/permissions";
import { managesUsers, seesChangeHistory, seesPortfolio } from "@/lib/data/permissions";
import { seesScoringSettings } from "@/lib/data/scoring-config";
import { seesTaskRuns } from "@/lib/data/task-runs";
import { managesWebhooks } from "@/lib/data/webhooks";
import { managesOutbox, seesOutbox } from "@/lib/mail/outbox";
import { ROLE_LABELS } from "@/lib/validation/user";

export function AppHeader({ actor }: { actor: Actor }) {
  const links = [
    // Everyone in IT has a worklist (their units, their actions); a relationship manager lands on it.
    ...(seesPortfolio(actor) ? [{ href: "/worklist", label: "Worklist" }] : []),
    ...(seesPortfolio(actor) ? [{ href: "/dashboard", label: "Portfolio" }] : []),
    // The monthly value and failure reports (issue 10 §5): the portfolio's for IT, the unit's own for a client.
    ...(seesPortfolio(actor) ? [{ href: "/reports", label: "Reports" }] : []),
    ...(actor.accountId ? [{ href: `/accounts/${actor.accountId}`, label: "Our account" }] : []),
    ...(actor.accountId ? [{ href: `/accounts/${actor.accountId}/rate`, label: "Rate IT" }] : []),
    ...(actor.accountId ? [{ href: `/accounts/${actor.accountId}/reports`, label: "Reports" }] : []),
    ...(runsCampaigns(actor) ? [{ href: "/campaigns", label: "Campaigns" }] : []),
    // Units, contacts and interactions from a CSV file (issue 11 §3): IT's people.
    ...(mayImport(actor) ? [{ href: "/import", label: "Import" }] : []),
    ...(managesUsers(actor) ? [{ href: "/admin/users", label: "Users" }] : []),
    ...(seesScoringSettings(actor) ? [{ href: "/admin/scoring", label: "Scoring" }] : []),
    ...(editsSurveyPolicy(actor) ? [{ href: "/admin/surveys", label: "Survey policy" }] : []),
    ...(seesTaskRuns(actor) ? [{ href: "/admin/tasks", label: "Background work" }] : []),
    ...(seesOutbox(actor) ? [{ href: "/admin/email", label: "Email" }] : []),
    ...(managesOutbox(actor) ? [{ href: "/admin/mailbox", label: "Mailbox" }] : []),
    ...(managesWebhooks(actor) ? [{ href: "/admin/webhooks", label: "Webhooks" }] : []),
    ...(seesChangeHistory(actor) ? [{ href: "/admin/audit", label: "Audit log" }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-blue-800">
          Rapport
        </Link>
        <HeaderMenu>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
              {links.map((link) => (
                <li key={link.href}>
                  {/* Not prefetched: each is a dynamic page, and a dozen prefetches would start a dozen server renders on every page view. */}
                  <Link href={link.href} prefetch={false} className="text-slate-700 hover:text-blue-800 hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-600">
              {actor.name} <span className="text-slate-500">· {ROLE_LABELS[actor.role]}</span>
            </span>
            {/* The unread count is a query: streamed, so it never holds up the page. */}
            <NotificationsLink actor={actor} />
            <Link href="/settings/password" className="text-slate-700 underline hover:text-blue-800">
              Password
            </Link>
            <Link href="/settings/tokens" className="text-slate-700 underline hover:text-blue-800">
              API tokens
            </Link>
            <SignOutButton variant="secondary" />
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
