import Link from "next/link";
import { WatermelonChart } from "@/components/charts/watermelon-chart";
import { EmptyState } from "@/components/ui/card";
import { RATING_RED, SLA_GREEN, WATERMELON_DAYS, type WatermelonPoint } from "@/lib/data/portfolio-trends";

const percent = (share: number) => Math.round(share * 100);
const describe = (p: WatermelonPoint) => `${p.name}: service levels met in ${percent(p.slaMet)}% of ${p.slaPeriods} periods, rated ${p.rating.toFixed(1)} of 5 over ${p.ratings} ${p.ratings === 1 ? "rating" : "ratings"}`;

function UnitName({ point }: { point: WatermelonPoint }) {
  return point.canOpen ? (
    <Link href={`/accounts/${point.id}`} prefetch={false} className="text-blue-800 underline">
      {point.name}
    </Link>
  ) : (
    point.name
  );
}

/**
 * Service levels against perception, and the units that are green outside and red inside named
 * in words beside the chart (article 004: 99.99% availability, "perceived as incompetent").
 * `scope`: whose units these are, for the empty state and the caption.
 */
export function WatermelonView({ points, scope }: { points: WatermelonPoint[]; scope: string }) {
  if (points.length === 0) {
    return (
      <EmptyState title={`None of ${scope} has both service levels and ratings in the last ${WATERMELON_DAYS} days`}>
        Record service levels on each unit&apos;s Reliability page and ask its clients for ratings (a rating campaign) to place it here.
      </EmptyState>
    );
  }
  const melons = points.filter((p) => p.watermelon);
  return (
    <div className="space-y-4">
      <WatermelonChart
        data={points.map((p) => ({ name: p.name, sla: percent(p.slaMet), rating: Math.round(p.rating * 10) / 10, watermelon: p.watermelon }))}
        slaGreen={percent(SLA_GREEN)}
        ratingRed={RATING_RED}
        description={`Each of ${scope} by service levels met against its average rating, over the last ${WATERMELON_DAYS} days. ${points.map(describe).join("; ")}.`}
      />
      <div role="status" className={melons.length > 0 ? "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" : "text-sm text-slate-600"}>
        {melons.length === 0 ? (
          <p>No watermelon: no unit meets {percent(SLA_GREEN)}% of its service levels while its clients rate IT {RATING_RED} or below.</p>
        ) : (
          <>
            <p className="font-medium">
              {melons.length === 1 ? "1 watermelon" : `${melons.length} watermelons`}: green on service levels, red in the clients&apos; eyes. Technical delivery is not the problem here; the relationship is.
            </p>
            <ul className="mt-1 list-disc pl-5">
              {melons.map((p) => (
                <li key={p.id}>
                  <UnitName point={p} /> — service levels met in {percent(p.slaMet)}% of {p.slaPeriods} periods, rated {p.rating.toFixed(1)}/5
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p className="text-xs text-slate-500">
        Green outside: at least {percent(SLA_GREEN)}% of the unit&apos;s SLA periods ending in the last {WATERMELON_DAYS} days met their target. Red inside: its clients&apos; average overall rating over the same days is {RATING_RED} of 5 or below.
      </p>
    </div>
  );
}
