import "server-only";
import { db } from "../db/client";
import type { CampaignStatus } from "../generated/prisma/enums";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

// The account page's response rate: per campaign round that asked the unit, how many of its
// contacts were emailed and how many answered (issue 8: who did not answer is itself a signal).
// IT with full access only, like the diagnosis it feeds; a client or another manager gets 404.

export interface ResponseRateRound {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  opensAt: Date;
  closesAt: Date;
  anonymous: boolean;
  /** Emailed (a skipped contact, an email that never went, a link revoked unanswered are not requests). */
  invited: number;
  answered: number;
  /** Not emailed: recontact window, unsubscribed, no address. */
  skipped: number;
  /** Answered ÷ invited, or null when nobody was emailed. */
  rate: number | null;
  /** Still open: answers may yet come, so the rate is not final. */
  open: boolean;
}

export interface ResponseRates {
  rounds: ResponseRateRound[];
  invited: number;
  answered: number;
  rate: number | null;
}

const rateOf = (answered: number, invited: number) => (invited > 0 ? answered / invited : null);

/** The unit's campaign rounds, oldest first, with their invited and answered counts. Two queries. */
export async function getResponseRates(actor: Actor, accountId: string): Promise<ResponseRates> {
  await openAccount(actor, accountId, canLogInteraction);
  const [campaigns, invitations] = await Promise.all([
    db().campaignAccount.findMany({
      where: { accountId, campaign: { status: { not: "SCHEDULED" } } },
      select: { campaign: { select: { id: true, name: true, status: true, opensAt: true, closesAt: true, anonymous: true } } },
    }),
    db().ratingInvitation.findMany({
      where: { accountId },
      select: { campaignId: true, sentAt: true, answeredAt: true, revokedAt: true, skippedReason: true },
    }),
  ]);
  const counts = new Map<string, { invited: number; answered: number; skipped: number }>();
  for (const i of invitations) {
    const c = counts.get(i.campaignId) ?? { invited: 0, answered: 0, skipped: 0 };
    if (i.skippedReason !== null) c.skipped++;
    else if (i.answeredAt) {
      c.invited++;
      c.answered++;
    } else if (i.sentAt && !i.revokedAt) c.invited++;
    counts.set(i.campaignId, c);
  }
  const rounds = campaigns
    .map(({ campaign }) => {
      const c = counts.get(campaign.id) ?? { invited: 0, answered: 0, skipped: 0 };
      const { id: campaignId, name, status, opensAt, closesAt, anonymous } = campaign;
      return { campaignId, name, status, opensAt, closesAt, anonymous, ...c, rate: rateOf(c.answered, c.invited), open: status === "OPEN" };
    })
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || a.campaignId.localeCompare(b.campaignId));
  const invited = rounds.reduce((n, r) => n + r.invited, 0);
  const answered = rounds.reduce((n, r) => n + r.answered, 0);
  return { rounds, invited, answered, rate: rateOf(answered, invited) };
}
