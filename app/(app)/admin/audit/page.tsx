import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEntryItem } from "@/components/audit/audit-entry";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { auditFilterOptions, auditFilterSchema, listAuditLog, withoutBlanks } from "@/lib/data/audit-log";
import { seesChangeHistory } from "@/lib/data/permissions";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const FILTER_KEYS = ["actorId", "action", "accountId", "since", "until"] as const;

/** The URL of these filters, with a cursor or at another path (the CSV). */
function hrefOf(path: string, values: AuditFilterValues, cursor?: string) {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) query.set(key, values[key]);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!seesChangeHistory(actor)) notFound();
  const raw = withoutBlanks(await searchParams);
  const parsed = auditFilterSchema.safeParse(raw);
  // What the form shows: the filters as typed, strings only.
  const values: AuditFilterValues = Object.fromEntries(FILTER_KEYS.flatMap((key) => (typeof raw[key] === "string" ? [[key, raw[key]]] : [])));
  const [options, log] = await Promise.all([auditFilterOptions(actor), parsed.success ? listAuditLog(actor, parsed.data) : null]);
  const filtered = FILTER_KEYS.some((key) => values[key]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="max-w-prose text-sm">
        Every change made in Rapport, newest first: who made it, to which record and account, and each field before and after. A record&apos;s own history opens from its name.
      </p>
      <Card title="Filters">
        <AuditFilters values={values} options={options} exportHref={hrefOf("/admin/audit/export", values)} />
      </Card>
      <Card title={parsed.success && parsed.data.cursor ? "Changes (older page)" : "Changes"}>
        {!log ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {parsed.error?.issues.map((issue) => issue.message).join(" ")} <Link className="underline" href="/admin/audit">Clear the filters</Link>.
          </p>
        ) : log.entries.length === 0 ? (
          <EmptyState title={filtered ? "No changes match these filters" : "Nothing audited yet"}>
            {filtered ? "Widen the dates or choose “Anyone” or “Any action”." : "Changes appear here as people log interactions, correct records, rate IT or manage users."}
          </EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-200">
              {log.entries.map((entry) => (
                <AuditEntryItem key={entry.id} entry={entry} />
              ))}
            </ul>
            <nav aria-label="Audit log pages" className="mt-4 flex gap-4 text-sm">
              {parsed.success && parsed.data.cursor && (
                <Link className="underline" href={hrefOf("/admin/audit", values)}>
                  Newest
                </Link>
              )}
              {log.nextCursor && (
                <Link className="underline" href={hrefOf("/admin/audit", values, log.nextCursor)}>
                  Older changes
                </Link>
              )}
            </nav>
          </>
        )}
      </Card>
    </div>
  );
}
