import Link from "next/link";
import { STAGE_COLORS } from "@/components/health/stage-style";
import { defaultPortfolioQuery, portfolioHref } from "@/lib/data/portfolio-query";
import type { Stage } from "@/lib/scoring";

export interface StageCount {
  stage: Stage;
  label: string;
  count: number;
}

/**
 * Accounts per stage as bars drawn on the server (decision 037): no chart library, no script.
 * Each bar is a link to the units at that stage, so the chart is also the quickest filter.
 */
export function StageBars({ data, basePath }: { data: StageCount[]; basePath: string }) {
  const largest = Math.max(1, ...data.map((entry) => entry.count));
  const total = data.reduce((sum, entry) => sum + entry.count, 0);
  return (
    // The height of the card's skeleton (six 28 px rows and the caption), so nothing moves when it streams in.
    <figure className="flex h-56 flex-col justify-between">
      <ul className="space-y-1">
        {data.map(({ stage, label, count }) => (
          <li key={stage}>
            <Link
              href={portfolioHref(basePath, defaultPortfolioQuery, { stage })}
              prefetch={false}
              aria-label={`${label}: ${count} ${count === 1 ? "unit" : "units"}; list them`}
              className="grid grid-cols-[minmax(0,9rem)_1fr_2.5rem] sm:grid-cols-[minmax(0,11rem)_1fr_3rem] h-7 items-center gap-3 rounded px-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
            >
              <span className="leading-tight text-slate-700 max-sm:text-xs">{label}</span>
              <span className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
                <span className="block h-full rounded-sm" style={{ width: `${(100 * count) / largest}%`, backgroundColor: STAGE_COLORS[stage] }} />
              </span>
              <span className="text-right font-medium tabular-nums text-slate-900">{count.toLocaleString("en")}</span>
            </Link>
          </li>
        ))}
      </ul>
      <figcaption className="text-xs text-slate-500">
        {total.toLocaleString("en")} {total === 1 ? "unit" : "units"}; choose a stage to list its units.
      </figcaption>
    </figure>
  );
}
