import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { campaignChoices, runsCampaigns } from "@/lib/data/campaigns";
import { dateInputValue } from "@/lib/validation/record-form";
import { createCampaignAction } from "../actions";

export const metadata: Metadata = { title: "New rating campaign" };

const querySchema = z.object({ account: z.string().regex(/^[a-z0-9]{20,40}$/).optional().catch(undefined) });

/**
 * A new campaign. With ?account=ID (the account page's "Ask for a rating"): an ad-hoc request to
 * that one account, opening now and closing in 14 days.
 */
export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!runsCampaigns(actor)) notFound();
  const query = querySchema.parse(await searchParams);
  const choices = await campaignChoices(actor);
  const account = choices.accounts.find((a) => a.id === query.account);
  const now = new Date();
  const defaults = {
    name: account ? `How did we do? ${account.name}` : "",
    accountIds: account ? [account.id] : [],
    opensOn: dateInputValue(now),
    closesOn: dateInputValue(new Date(now.getTime() + 14 * 86_400_000)),
  };

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/campaigns" className="text-blue-800 underline">
            Rating campaigns
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{account ? `Ask ${account.name} for a rating` : "New rating campaign"}</h1>
        <p className="text-sm text-slate-600">Each contact gets their own link by email, valid for a single answer. Those who have not answered get reminders.</p>
      </div>
      <Card>
        <CampaignForm action={createCampaignAction} choices={choices} defaults={defaults} />
      </Card>
    </div>
  );
}
