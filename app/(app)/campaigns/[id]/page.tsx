import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelCampaign, RemindNow, RevokeInvitation } from "@/components/campaigns/campaign-controls";
import { GroupResultView, ScorecardView } from "@/components/campaigns/campaign-results";
import { CampaignStatusBadge, ResponseRate } from "@/components/campaigns/campaign-status";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { type DeliveryStatus, getCampaignPage, runsCampaigns } from "@/lib/data/campaigns";
import { formatDate } from "@/lib/format";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { RECURRENCE_LABELS } from "@/lib/validation/campaign";
import { cancelCampaignAction, remindNowAction, revokeInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Rating campaign" };

const DELIVERY_TONE = { skipped: "neutral", waiting: "neutral", queued: "info", sent: "success", failed: "danger", revoked: "warning" } as const;

function Delivery({ status }: { status: DeliveryStatus }) {
  return <Badge tone={DELIVERY_TONE[status.tone]} className="whitespace-normal">{status.label}</Badge>;
}

/** One campaign: who was asked (and why some were not), delivery, answers, response rate and results under the K rule. */
export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  if (!runsCampaigns(actor)) notFound();
  const page = await notFoundOnMissing(getCampaignPage(actor, id));
  const { campaign, overall, accounts, invitations } = page;
  const anonymous = campaign.anonymous;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/campaigns" className="text-blue-800 underline">
            Rating campaigns
          </Link>
        </p>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
            {campaign.name} <CampaignStatusBadge status={campaign.status} />
            {anonymous && <Badge tone="info">Anonymous</Badge>}
          </h1>
          <div className="flex flex-wrap items-start gap-2">
            {page.canRemind && <RemindNow campaignId={campaign.id} action={remindNowAction} />}
            {page.canCancel && <CancelCampaign campaignId={campaign.id} name={campaign.name} action={cancelCampaignAction} />}
          </div>
        </div>
        <p className="text-sm text-slate-600">
          {campaign.status === "SCHEDULED" ? "Opens" : "Opened"} <LocalTime date={campaign.openedAt ?? campaign.opensAt} /> · {campaign.status === "CLOSED" ? "closed" : "closes"} <LocalTime date={campaign.closedAt ?? campaign.closesAt} />
          {campaign.cancelledAt && (<> · cancelled <LocalTime date={campaign.cancelledAt} /></>)} · {RECURRENCE_LABELS[campaign.recurrence]}
          {campaign.createdByName && ` · started by ${campaign.createdByName}`}
        </p>
        <p className="text-sm text-slate-600">
          Links valid {campaign.linkValidDays} days from sending · up to {campaign.maxReminders} {campaign.maxReminders === 1 ? "reminder" : "reminders"}, {campaign.reminderEveryDays} days apart, to those who have not answered
          {campaign.askScorecard && " · asks the importance × satisfaction scorecard"}
        </p>
        {(campaign.previousId || campaign.nextId) && (
          <p className="text-sm">
            {campaign.previousId && (
              <Link href={`/campaigns/${campaign.previousId}`} className="mr-4 text-blue-800 underline">
                Previous round
              </Link>
            )}
            {campaign.nextId && (
              <Link href={`/campaigns/${campaign.nextId}`} className="text-blue-800 underline">
                Next round
              </Link>
            )}
          </p>
        )}
        {campaign.message && <blockquote className="border-l-4 border-slate-200 pl-3 text-sm text-slate-700">{campaign.message}</blockquote>}
        {page.partial && <p className="text-sm text-amber-800">This campaign also asks accounts you do not manage: you see only yours.</p>}
      </div>

      <Card title="Response rate">
        <p className="text-2xl font-semibold" data-testid="response-rate">
          <ResponseRate rate={overall.responseRate} answered={overall.answered} invited={overall.invited} />
        </p>
        <p className="text-sm text-slate-600">
          {overall.invited} asked · {overall.answered} answered
          {overall.skipped > 0 && ` · ${overall.skipped} skipped (not emailed; the reasons are below)`}. Skipped contacts do not count.
        </p>
      </Card>

      <Card title="Results">
        <div className="space-y-5">
          {anonymous && (
            <p className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">
              Anonymous: no answer is linked to the person who gave it, and scores and comments show only for a group of at least {campaign.minGroupSize} answers (K). Who was invited shows below; who answered, or was reminded, does not.
            </p>
          )}
          <section aria-labelledby="results-overall">
            <h3 id="results-overall" className="mb-2 text-sm font-semibold">
              {accounts.length > 1 ? "All accounts" : accounts[0]?.name ?? "All accounts"}
            </h3>
            <GroupResultView result={overall.result} anonymous={anonymous} />
          </section>
          {accounts.length > 1 &&
            accounts.map((account) => (
              <section key={account.id} aria-labelledby={`results-${account.id}`} className="border-t border-slate-100 pt-4">
                <h3 id={`results-${account.id}`} className="mb-2 text-sm font-semibold">
                  <Link href={`/accounts/${account.id}`} className="text-blue-800 underline">
                    {account.name}
                  </Link>{" "}
                  <span className="font-normal text-slate-600">
                    · <ResponseRate rate={account.responseRate} answered={account.answered} invited={account.invited} />
                  </span>
                </h3>
                <GroupResultView result={account.result} anonymous={anonymous} />
              </section>
            ))}
        </div>
      </Card>

      {page.scorecard && (
        <Card title="Importance × satisfaction scorecard">
          <ScorecardView
            // Several accounts: each system named with its account.
            rows={accounts.length > 1 ? page.scorecard.map((row) => ({ ...row, name: `${row.name} (${accounts.find((a) => a.id === row.accountId)?.name ?? "?"})` })) : page.scorecard}
            anonymous={anonymous}
            minGroupSize={campaign.minGroupSize}
          />
        </Card>
      )}

      <Card title="Who was asked">
        {invitations.length === 0 ? (
          <EmptyState title={campaign.status === "SCHEDULED" ? "Not open yet" : "Nobody was asked"}>
            {campaign.status === "SCHEDULED"
              ? `Invitations go out when the campaign opens on ${formatDate(campaign.opensAt)}.`
              : "These accounts had no active contacts when the campaign opened. Add contacts with an email address on each account's Contacts tab, then start another campaign."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4 font-medium">Contact</th>
                  {accounts.length > 1 && <th scope="col" className="py-2 pr-4 font-medium">Account</th>}
                  <th scope="col" className="py-2 pr-4 font-medium">Delivery</th>
                  {!anonymous && <th scope="col" className="py-2 pr-4 font-medium">Answered</th>}
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id} className="border-b border-slate-100 align-top" data-testid="invitation-row">
                    <td className="py-2 pr-4">
                      {invitation.contactName}
                      {invitation.contactEmail && <span className="block text-xs text-slate-500">{invitation.contactEmail}</span>}
                      {invitation.skippedReason && <span className="block text-xs text-amber-800">Skipped: {invitation.skippedReason}</span>}
                    </td>
                    {accounts.length > 1 && <td className="py-2 pr-4">{invitation.accountName}</td>}
                    <td className="py-2 pr-4">
                      <Delivery status={invitation.delivery} />
                      {invitation.expiresAt && !invitation.revokedAt && <span className="block text-xs text-slate-500">link valid until {formatDate(invitation.expiresAt)}</span>}
                    </td>
                    {!anonymous && (
                      <td className="py-2 pr-4">
                        {invitation.skippedReason ? (
                          "—"
                        ) : invitation.answered ? (
                          <span className="text-green-800">Yes, {invitation.answeredAt ? formatDate(invitation.answeredAt) : ""}</span>
                        ) : (
                          <span>
                            No{invitation.remindersSent ? ` · ${invitation.remindersSent} ${invitation.remindersSent === 1 ? "reminder" : "reminders"}` : ""}
                          </span>
                        )}
                      </td>
                    )}
                    <td className="py-2">
                      {invitation.canRevoke && <RevokeInvitation campaignId={campaign.id} invitationId={invitation.id} contactName={invitation.contactName} action={revokeInvitationAction} />}
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
