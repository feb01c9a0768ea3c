import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignStatusBadge, ResponseRate } from "@/components/campaigns/campaign-status";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listCampaigns, runsCampaigns } from "@/lib/data/campaigns";
import { formatDate } from "@/lib/format";
import { RECURRENCE_LABELS } from "@/lib/validation/campaign";

export const metadata: Metadata = { title: "Rating campaigns" };

/** Every rating campaign the actor may see (a manager: those asking the accounts they manage). */
export default async function CampaignsPage() {
  const actor = await requireActorOrRedirect();
  if (!runsCampaigns(actor)) notFound();
  const campaigns = await listCampaigns(actor);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Rating campaigns</h1>
          <p className="text-sm text-slate-600">Ask business contacts to rate IT by email: a link each, reminders to those who have not answered, and nobody asked more often than the survey policy allows.</p>
        </div>
        <ButtonLink href="/campaigns/new">New campaign</ButtonLink>
      </div>
      <Card title="Campaigns">
        {campaigns.length === 0 ? (
          <EmptyState title="No campaigns yet">
            Start one with <Link href="/campaigns/new" className="underline">New campaign</Link>, or use “Ask for a rating” on an account’s page after a project or an incident.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4 font-medium">Campaign</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Accounts</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Open</th>
                  <th scope="col" className="py-2 font-medium">Response rate</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((campaign) => (
                  <tr key={campaign.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-4">
                      <Link href={`/campaigns/${campaign.id}`} className="font-medium text-blue-800 underline">
                        {campaign.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {[campaign.recurrence !== "NONE" && RECURRENCE_LABELS[campaign.recurrence], campaign.anonymous && "Anonymous"].filter(Boolean).join(" · ")}
                      </span>
                    </td>
                    <td className="py-2 pr-4">
                      <CampaignStatusBadge status={campaign.status} />
                    </td>
                    <td className="py-2 pr-4">{campaign.accounts.map((a) => a.name).join(", ")}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {formatDate(campaign.opensAt)} – {formatDate(campaign.closesAt)}
                    </td>
                    <td className="py-2 whitespace-nowrap">
                      <ResponseRate rate={campaign.responseRate} answered={campaign.answered} invited={campaign.invited} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
