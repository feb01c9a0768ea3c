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

type RoundRow = { id: string; name: string; status: CampaignStatus; opens_at: Date; closes_at: Date; anonymous: boolean; invited: number; answered: number; skipped: number };

/**
 * The unit's campaign rounds, oldest first, with their invited and answered counts: one statement,
 * the invitations counted in PostgreSQL per round (an answered one was emailed too; one sent and
 * revoked unanswered, or never sent, is no request). It was three reads, the account's every
 * invitation among them, each a round trip of the account page.
 */
export async function getResponseRates(actor: Actor, accountId: string): Promise<ResponseRates> {
  await openAccount(actor, accountId, canLogInteraction);
  const rows = await db().$queryRaw<RoundRow[]>`
    WITH counts AS (
      SELECT campaign_id,
        count(*) FILTER (WHERE skipped_reason IS NULL AND (answered_at IS NOT NULL OR (sent_at IS NOT NULL AND revoked_at IS NULL)))::int AS invited,
        count(*) FILTER (WHERE skipped_reason IS NULL AND answered_at IS NOT NULL)::int AS answered,
        count(*) FILTER (WHERE skipped_reason IS NOT NULL)::int AS skipped
      FROM rating_invitations WHERE account_id = ${accountId} GROUP BY campaign_id
    )
    SELECT c.id, c.name, c.status::text AS status, c.opens_at, c.closes_at, c.anonymous,
      coalesce(n.invited, 0) AS invited, coalesce(n.answered, 0) AS answered, coalesce(n.skipped, 0) AS skipped
    FROM campaign_accounts ca JOIN campaigns c ON c.id = ca.campaign_id LEFT JOIN counts n ON n.campaign_id = c.id
    WHERE ca.account_id = ${accountId} AND c.status <> 'SCHEDULED'`;
  const rounds = rows
    .map(({ id: campaignId, name, status, opens_at, closes_at, anonymous, invited, answered, skipped }) => ({
      campaignId,
      name,
      status,
      opensAt: new Date(opens_at),
      closesAt: new Date(closes_at),
      anonymous,
      invited: Number(invited),
      answered: Number(answered),
      skipped: Number(skipped),
      rate: rateOf(Number(answered), Number(invited)),
      open: status === "OPEN",
    }))
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || a.campaignId.localeCompare(b.campaignId));
  const invited = rounds.reduce((n, r) => n + r.invited, 0);
  const answered = rounds.reduce((n, r) => n + r.answered, 0);
  return { rounds, invited, answered, rate: rateOf(answered, invited) };
}
