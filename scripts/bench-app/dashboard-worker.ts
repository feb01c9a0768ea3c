// Where /dashboard's server time goes: the data layer's calls the page makes (the session check,
// then its widgets' reads, concurrently as the streamed widgets run them), in-process through the
// app's own lib/data with Prisma, timed like the page. The page's time less this is rendering
// (React server components, the RSC payload, HTML) and HTTP. Runs in its own Node process with
// `--conditions=react-server` (as submit-worker.ts); reads its task as JSON from argv, writes its
// timing as the last line of stdout.
import { closeDb } from "../../lib/db/client";
import { listArchivedAccounts } from "../../lib/data/account-admin";
import type { Actor } from "../../lib/data/permissions";
import { getPortfolioCounts, getPortfolioPage, getPortfolioScoreTrend, listPortfolioManagers } from "../../lib/data/portfolio";
import { defaultPortfolioQuery } from "../../lib/data/portfolio-query";
import { findActor } from "../../lib/data/sessions";
import { sequential } from "./stats";

export interface DashboardTask {
  databaseUrl: string;
  sessionId: string;
  requests: number;
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] as string) as DashboardTask;
  process.env.DATABASE_URL = task.databaseUrl;
  const timing = await sequential(task.requests, 3, async () => {
    // The app layout, the portfolio layout and the page each check the session, at once.
    const [actor] = (await Promise.all([findActor(task.sessionId), findActor(task.sessionId), findActor(task.sessionId)])) as Actor[];
    // Two widgets read the counts through React's per-request cache: once.
    await Promise.all([
      getPortfolioCounts(actor as Actor),
      getPortfolioScoreTrend(actor as Actor),
      getPortfolioPage(actor as Actor, defaultPortfolioQuery),
      listPortfolioManagers(actor as Actor),
      listArchivedAccounts(actor as Actor),
    ]);
  });
  await closeDb();
  console.log(JSON.stringify(timing));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
