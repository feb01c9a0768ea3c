import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import type { Actor } from "@/lib/data/permissions";
import { getResponseRates, type ResponseRateRound } from "@/lib/data/response-rates";
import { formatDate, formatMonth } from "@/lib/format";
import { ResponseRateChart } from "./response-rate-chart";

// Who answered when asked, per campaign round (issue 8): a falling rate is a symptom of an
// advanced breakdown, and the diagnosis cites it. For IT with full access to the account.

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Rounds over with someone emailed: an open round's rate is not final, so it is not charted. */
const charted = (rounds: ResponseRateRound[]) => rounds.filter((r) => r.rate !== null && !r.open);

function describe(rounds: ResponseRateRound[]): string {
  const rated = charted(rounds);
  if (rated.length === 0) return "No campaign round has emailed this unit's contacts yet.";
  const first = rated[0]!;
  const last = rated.at(-1)!;
  const words = rated.map((r) => `${r.name}: ${r.answered} of ${r.invited} answered (${percent(r.rate!)})`).join("; ");
  return rated.length === 1 ? words : `Response rate from ${percent(first.rate!)} to ${percent(last.rate!)} over ${rated.length} rounds. ${words}.`;
}

export async function ResponseRateCard({ actor, accountId }: { actor: Actor; accountId: string }) {
  const { rounds, invited, answered, rate } = await getResponseRates(actor, accountId);
  const start = `/campaigns/new?account=${encodeURIComponent(accountId)}`;
  const rated = charted(rounds);
  return (
    <Card
      title="Response rate"
      action={
        rounds.length > 0 && (
          <Link href={start} className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline">
            Ask for a rating
          </Link>
        )
      }
    >
      {rounds.length === 0 ? (
        <EmptyState title="Nobody at this unit has been asked to rate IT by email yet">
          <p>
            A campaign emails the unit&apos;s contacts a link to rate IT, no password needed; who answers, and who stops answering, feeds the diagnosis.{" "}
            <Link href={start} className="font-medium text-blue-700 underline">
              Start a campaign for this unit
            </Link>
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            {rate === null ? (
              "No email has reached this unit's contacts yet."
            ) : (
              <>
                <span className="text-2xl font-semibold text-slate-900">{percent(rate)}</span> answered: {answered} of {invited} invited over{" "}
                {rounds.length === 1 ? "one round" : `${rounds.length} rounds`}.
              </>
            )}
          </p>
          {rated.length > 1 && (
            <ResponseRateChart
              data={rated.map((r) => ({ label: formatMonth(r.opensAt, "short"), rate: Math.round(r.rate! * 100), invited: r.invited, answered: r.answered }))}
              description={describe(rounds)}
            />
          )}
          <div className="overflow-x-auto">
            {/* The rows' cell styles from app/globals.css (.rate-table), not on each cell. */}
            <table className="rate-table">
              <caption className="sr-only">Invited and answered per campaign round, oldest first</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Round
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Opened
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Invited
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Answered
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Rate
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rounds.map((r) => (
                  <tr key={r.campaignId}>
                    <th scope="row">
                      {/* Plain anchors: a row per round (a dozen a year), each a client component otherwise. */}
                      <a href={`/campaigns/${r.campaignId}`} className="text-blue-700 underline-offset-2 hover:underline">
                        {r.name}
                      </a>
                      {r.anonymous && <span className="text-xs text-slate-500"> (anonymous)</span>}
                      {r.open && <span className="text-xs text-slate-500"> (open until {formatDate(r.closesAt)})</span>}
                      {r.skipped > 0 && <span className="block text-xs text-slate-500">{r.skipped} not emailed (see the campaign for why)</span>}
                    </th>
                    <td className="whitespace-nowrap">{formatDate(r.opensAt)}</td>
                    <td className="num">{r.invited}</td>
                    <td className="num">{r.answered}</td>
                    <td className="num">{r.rate === null ? "—" : `${percent(r.rate)}${r.open ? " so far" : ""}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
