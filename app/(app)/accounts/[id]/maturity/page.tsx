import type { Metadata } from "next";
import { MaturityForm } from "@/components/maturity/maturity-form";
import { MaturityHistory, MaturitySummary } from "@/components/maturity/maturity-summary";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { getMaturity } from "@/lib/data/maturity";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { recordMaturityAction } from "./actions";

export const metadata: Metadata = { title: "Relationship maturity" };

/**
 * How mature the relationship is, from order taker to strategic partner, as IT sees it and as
 * the business does. IT with full access records IT's view; a client of the unit, the business's.
 */
export default async function MaturityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const [page, { access, account }] = await notFoundOnMissing(Promise.all([getMaturity(actor, id), getAccountSummary(actor, id)]));
  const client = access === "client";

  return (
    <div className="space-y-6">
      <Card title="Relationship maturity">
        <p className="mb-4 text-sm text-slate-600">
          Article 003: IT leaders must “evolve from an order-taking service provider to a trusted partner”; 70% of IT organisations never reach trust.
          {client ? " Tell IT where the relationship stands for your unit." : " Both sides say where the relationship stands; where they part is worth a conversation."}
        </p>
        <MaturitySummary page={page} clientView={client} />
      </Card>
      <Card title={client ? "Your view" : "IT's view"}>
        <MaturityForm
          accountId={id}
          question={client ? `Which describes IT's relationship with ${account.name} today?` : `Which describes IT's relationship with ${account.name} today, as IT sees it?`}
          action={recordMaturityAction}
        />
      </Card>
      <Card title="Views over time">
        <MaturityHistory history={page.history} />
      </Card>
    </div>
  );
}
