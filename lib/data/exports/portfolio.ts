import "server-only";
import type { CsvExport } from "../../csv/route";
import { csvFilename } from "../../csv/stream";
import type { Actor } from "../permissions";
import { assertSeesPortfolio, getPortfolioPage, type PortfolioRow } from "../portfolio";
import { PAGE_SIZES, type PortfolioQuery } from "../portfolio-query";

const full = <T>(row: PortfolioRow, value: (row: Extract<PortfolioRow, { access: "full" }>) => T) => (row.access === "full" ? value(row) : null);

/**
 * The portfolio as the actor's dashboard shows it, with its current filters and sort, every page:
 * read through getPortfolioPage, so each row has the shape of the caller's access (another
 * manager's unit is a summary row: its working facts stay blank). A portfolio has one row per
 * business unit (thousands at most), so its own pages are read one after another.
 */
export async function exportPortfolio(actor: Actor, query: PortfolioQuery, now = new Date()): Promise<CsvExport<PortfolioRow>> {
  assertSeesPortfolio(actor);
  return {
    filename: csvFilename("portfolio"),
    columns: [
      { header: "unit", value: (row) => row.name },
      { header: "stage", value: (row) => (row.override?.stage ?? row.healthStage).toLowerCase() },
      { header: "computed_stage", value: (row) => row.healthStage.toLowerCase() },
      { header: "score", value: (row) => row.healthScore },
      { header: "heading", value: (row) => row.healthTrend.toLowerCase() },
      { header: "in_stage_since", value: (row) => row.healthSince },
      { header: "criticality", value: (row) => row.criticality.toLowerCase() },
      { header: "relationship_manager", value: (row) => row.relationshipManager?.name },
      { header: "sponsor", value: (row) => full(row, (r) => r.sponsor?.name) },
      { header: "last_met", value: (row) => full(row, (r) => r.lastMetAt) },
      { header: "last_rating", value: (row) => full(row, (r) => r.lastRating?.overall) },
      { header: "it_overdue", value: (row) => full(row, (r) => r.itOverdue) },
      { header: "actions_overdue", value: (row) => full(row, (r) => r.actionsOverdue) },
      { header: "response_rate", value: (row) => full(row, (r) => (r.responseRate ? `${r.responseRate.answered}/${r.responseRate.invited}` : null)) },
    ],
    rows: pages(actor, query, now),
  };
}

async function* pages(actor: Actor, query: PortfolioQuery, now: Date): AsyncGenerator<PortfolioRow> {
  for (let page = 1; ; page++) {
    const { rows } = await getPortfolioPage(actor, { ...query, page, size: PAGE_SIZES.max }, now);
    yield* rows;
    if (rows.length < PAGE_SIZES.max) return;
  }
}
