import type { Metadata } from "next";
import { EpochForm } from "@/components/epochs/epoch-form";
import { EpochScoreChart } from "@/components/epochs/epoch-score-chart";
import { EraList } from "@/components/epochs/era-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { listEras } from "@/lib/data/epochs";
import { managesAccounts } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import { deleteEpochAction, recordEpochAction } from "./actions";

export const metadata: Metadata = { title: "Epochs" };

/**
 * Death and reincarnation (article 001): the relationship's epochs, each with how its diagnosis
 * ended, and the score across them. The CIO and admins start a new one; IT with full access reads them.
 */
export default async function EpochsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const now = new Date();
  const [eras, { account }] = await notFoundOnMissing(Promise.all([listEras(actor, id, now), getAccountSummary(actor, id)]));
  const leads = managesAccounts(actor);

  return (
    <div className="space-y-6">
      <Card title="Epochs of the relationship">
        <p className="mb-4 text-sm text-slate-600">
          Article 001 ends with “death and reincarnation”: “somebody high up says, ‘I think it&apos;s time for some new leadership in IT’ or, ‘Maybe we should
          outsource the IT department.’” When that happens the relationship starts over, and its diagnosis reads from the new epoch&apos;s first day.
        </p>
        {eras.length === 0 ? (
          <EmptyState title="One epoch so far">
            {account.name}&apos;s whole history counts towards its diagnosis.{" "}
            {leads ? "Start a new epoch below after a new IT leadership, a new relationship manager or an outsourcing change." : "The CIO starts a new one after a new IT leadership, a new relationship manager or an outsourcing change."}
          </EmptyState>
        ) : (
          <EraList eras={eras} now={now} remove={leads ? deleteEpochAction : undefined} />
        )}
      </Card>
      <EpochScoreChart actor={actor} accountId={id} eras={eras} />
      {leads && (
        <Card title="Start a new epoch">
          <EpochForm accountId={id} accountName={account.name} today={dateInputValue(now)} action={recordEpochAction} />
        </Card>
      )}
    </div>
  );
}
