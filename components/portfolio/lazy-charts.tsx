"use client";
import dynamic from "next/dynamic";

// The dashboard's two charts, loaded after the page is interactive (decision 027): recharts is
// most of the page's JavaScript, and a chart drawn on the server is blank anyway (its container
// has no width there). The placeholder holds the chart's height, so nothing shifts when it
// arrives; the charts' own captions give their numbers in words.

function ChartSpace() {
  return <div className="h-56 rounded bg-slate-50" aria-hidden="true" />;
}

export const LazyScoreLineChart = dynamic(() => import("@/components/charts/score-line-chart").then((m) => m.ScoreLineChart), { ssr: false, loading: ChartSpace });

export const LazyStageDistributionChart = dynamic(() => import("@/components/charts/stage-distribution-chart").then((m) => m.StageDistributionChart), {
  ssr: false,
  loading: ChartSpace,
});
