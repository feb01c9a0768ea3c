import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history/history-list";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getRecordHistory } from "@/lib/data/history";
import { seesChangeHistory } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { historyParamsSchema } from "@/lib/validation/history";

export const metadata: Metadata = { title: "Change history" };

/** A record's change history, for the CIO and admins; anyone else, or an unknown record, gets 404. */
export default async function HistoryPage({ params }: { params: Promise<{ entityType: string; entityId: string }> }) {
  const parsed = historyParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requireActorOrRedirect();
  if (!seesChangeHistory(actor)) notFound();
  const { record, entries } = await notFoundOnMissing(getRecordHistory(actor, parsed.data.entityType, parsed.data.entityId));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        {record.deleted ? (
          <p className="text-sm text-slate-600">Deleted: no longer shown on the account.</p>
        ) : (
          <Link href={record.href} className="text-sm text-blue-800 underline">
            ← Back to the record
          </Link>
        )}
        <h1 className="mt-2 text-2xl font-semibold">Change history</h1>
        <p className="text-slate-700">{record.name}</p>
      </div>
      <Card title="Changes, newest first">
        <HistoryList entries={entries} />
      </Card>
    </div>
  );
}
