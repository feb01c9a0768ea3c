import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { StageDistributionChart } from "@/components/charts/stage-distribution-chart";
import { STAGE_ORDER } from "@/components/health/stage-style";
import { Card, EmptyState } from "@/components/ui/card";
import { countByStage, getPortfolioScoreTrend, listPortfolio } from "@/lib/data/portfolio";
import type { Actor } from "@/lib/data/permissions";
import { STAGE_LABELS } from "@/lib/scoring";
import { PortfolioTable } from "./portfolio-table";

// Each widget fetches its own data, so the dashboard streams them in as they are ready.

export async function PortfolioTableWidget({ actor }: { actor: Actor }) {
  const rows = await listPortfolio(actor);
  return (
    <Card title="Business units">
      <PortfolioTable rows={rows} />
    </Card>
  );
}

export async function StageDistributionWidget({ actor }: { actor: Actor }) {
  const counts = countByStage(await listPortfolio(actor));
  const data = STAGE_ORDER.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: counts[stage] }));
  return (
    <Card title="Accounts by stage">
      <StageDistributionChart data={data} />
    </Card>
  );
}

export async function ScoreTrendWidget({ actor }: { actor: Actor }) {
  const trend = await getPortfolioScoreTrend(actor);
  return (
    <Card title="Average health score">
      {trend.length === 0 ? (
        <EmptyState title="No history yet">Scores appear here once interactions or ratings are logged.</EmptyState>
      ) : (
        <ScoreLineChart
          name="Average score"
          data={trend.map((point) => ({ at: point.month.toISOString(), score: point.average }))}
          description={`Average health score by month: ${trend.map((p) => `${p.month.toISOString().slice(0, 7)} ${p.average}`).join(", ")}.`}
        />
      )}
    </Card>
  );
}
