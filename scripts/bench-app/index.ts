// npm run bench:app [-- --scale 1 --json out.json --compare-scale 5 --no-build --rebuild-db --db-only]
// The application benchmark of issue 9 (docs/benchmarks.md, decision 015): builds (or reuses) a
// large deterministic database, then measures, each beside the bare-SQL floor of the same work:
// the dashboard and the account page of the median and the heaviest account over HTTP from a
// production build, rating submission under concurrency, a full rescore, and snapshot storage.
// Writes happen on a copy of the built database (CREATE DATABASE … TEMPLATE), dropped afterwards,
// so every run starts from the same rows.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { BASE, CIO_EMAIL, CIO_PASSWORD } from "./generate";
import { builtDatabase, databaseUrl, ensureDatabase, GENERATOR_VERSION, stageMix, withClient } from "./database";
import { accountFloor, changesFloor, dashboardFloor, managersFloor, runFloor, trendsFloor } from "./floors";
import { measureRescore } from "./rescore";
import { buildApp, getPage, hasBuild, signIn, startApp } from "./server";
import { printTable, type Row, sequential, type Timing } from "./stats";
import type { DashboardTask } from "./dashboard-worker";
import type { SubmitResult, SubmitTask } from "./submit-worker";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: "42" },
    json: { type: "string" },
    requests: { type: "string", default: "20" },
    submissions: { type: "string", default: "200" },
    lanes: { type: "string", default: "10" },
    port: { type: "string", default: "3150" },
    /** Rows on the dashboard's first page, for its floor: 25 since the portfolio is paged (decision 016); 0 for the whole portfolio. */
    "dashboard-page": { type: "string", default: "25" },
    "compare-scale": { type: "string" },
    "no-build": { type: "boolean", default: false },
    "rebuild-db": { type: "boolean", default: false },
    /** Build (or migrate) the databases, the --compare-scale one too, and stop: a later run then only measures. */
    "db-only": { type: "boolean", default: false },
    /** Measure only the portfolio's pages: the dashboard and its views (and, with --compare-scale, the dashboard on the larger database). */
    "dashboard-only": { type: "boolean", default: false },
  },
});
const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const scale = Number(args.scale);
const seed = Number(args.seed);
const requests = Number(args.requests);
const lanes = Number(args.lanes);
const log = (line: string) => console.log(line);
const dbName = (s: number) => (s === 1 ? "bench_app" : `bench_app_s${String(s).replace(".", "_")}`);

/** The median and the heaviest unarchived account by history size (interactions + ratings). */
async function pickAccounts(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string; name: string; history: number }>(`
      SELECT a.id, a.name, ((SELECT count(*) FROM interactions i WHERE i.account_id = a.id) + (SELECT count(*) FROM ratings r WHERE r.account_id = a.id))::int AS history
      FROM accounts a WHERE a.archived_at IS NULL ORDER BY history, a.id`);
    return { median: rows[Math.floor(rows.length / 2)]!, heaviest: rows[rows.length - 1]! };
  });
}

/** The CIO's session that signIn just made (the floors check it as every page does). */
async function cioSession(url: string): Promise<string> {
  return withClient(
    url,
    async (client) =>
      (await client.query(`SELECT s.id FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 1`, [CIO_EMAIL])).rows[0].id,
  );
}

async function floorTiming(url: string, queries: Parameters<typeof runFloor>[1]): Promise<Timing> {
  return withClient(url, async (client) => {
    await client.query(`SET jit = off`); // the floor is the best plain plan; see docs/benchmarks.md
    return sequential(requests, 3, () => runFloor(client, queries));
  });
}

interface PageFigure {
  app: Timing;
  floor: Timing;
  bytes: number;
  rows: number;
}

async function measurePage(base: string, cookie: string, path: string, url: string, floor: Parameters<typeof runFloor>[1]): Promise<PageFigure> {
  let bytes = 0;
  let rows = 0;
  const app = await sequential(requests, 3, async () => {
    const page = await getPage(base, path, cookie);
    bytes = page.bytes;
    rows = (page.html.match(/<tr[\s>]/g) ?? []).length;
  });
  const figure = { app, floor: await floorTiming(url, floor), bytes, rows };
  // Printed at once too, so a run that dies later still leaves its page figures.
  log(`  ${path}: p50 ${app.p50.toFixed(0)} / p95 ${app.p95.toFixed(0)} ms; floor ${figure.floor.p50.toFixed(1)} / ${figure.floor.p95.toFixed(1)} ms; ${(bytes / 1024).toFixed(0)} KB, ${rows} rows`);
  return figure;
}

/** Runs a worker script in a Node process with the react-server condition (lib/data's `server-only`); returns its last line of output, parsed. */
function runWorker<T>(script: string, task: unknown): T {
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--max-semi-space-size=64", "--import", "tsx", script, JSON.stringify(task)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${script} failed (${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").pop() as string) as T;
}

function runSubmitWorker(task: SubmitTask): SubmitResult {
  const result = runWorker<SubmitResult>("scripts/bench-app/submit-worker.ts", task);
  log(`  submit: ${result.app.throughput.toFixed(1)}/s p95 ${result.app.p95.toFixed(0)} ms (${result.failed} failed); floor ${result.floor.throughput.toFixed(1)}/s p95 ${result.floor.p95.toFixed(0)} ms`);
  return result;
}

/** Measures the dashboard of the database `url` on a fresh server. */
async function dashboardOn(url: string, port: number): Promise<PageFigure> {
  const app = await startApp(url, port);
  try {
    const cookie = await signIn(app.base, CIO_EMAIL, CIO_PASSWORD);
    return await measurePage(app.base, cookie, "/dashboard", url, dashboardFloor(await cioSession(url), new Date(), Number(args["dashboard-page"])));
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const conditions = { date: new Date().toISOString(), commit, loadBefore: loadavg(), cpus: cpus().length, node: process.version, scale, seed, requests, lanes, submissions: Number(args.submissions) };
  log(`bench:app — ${conditions.date}, commit ${commit}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores`);

  const built = await ensureDatabase(SERVER, { name: dbName(scale), scale, seed, rebuild: args["rebuild-db"] }, log);
  if (args["db-only"]) {
    if (args["compare-scale"]) {
      const big = Number(args["compare-scale"]);
      await ensureDatabase(SERVER, { name: dbName(big), scale: big, seed, rebuild: args["rebuild-db"] }, log);
    }
    return;
  }
  const runName = `${built.name}_run_${args.port}`;
  const runUrl = databaseUrl(SERVER, runName);
  await withClient(SERVER, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${runName} TEMPLATE ${built.name}`);
  });
  log(`Measuring on ${runName}, a copy of ${built.name}.`);

  try {
    const { median, heaviest } = await pickAccounts(runUrl);
    log(`Median account: ${median.name} (${median.history} interactions + ratings); heaviest: ${heaviest.name} (${heaviest.history}).`);
    log(`Stages: ${(await stageMix(runUrl)).join(", ")}.`);
    if (!args["no-build"] || !hasBuild()) buildApp(log);

    const port = Number(args.port);
    const app = await startApp(runUrl, port);
    const only = args["dashboard-only"];
    let dashboard: PageFigure, dashboardData: Timing;
    let medianPage: PageFigure | null = null;
    let heaviestPage: PageFigure | null = null;
    const views: { path: string; figure: PageFigure }[] = [];
    const failedViews: { path: string; error: string }[] = [];
    try {
      const cookie = await signIn(app.base, CIO_EMAIL, CIO_PASSWORD);
      const session = await cioSession(runUrl);
      const now = new Date();
      log(`Dashboard × ${requests}…`);
      dashboard = await measurePage(app.base, cookie, "/dashboard", runUrl, dashboardFloor(session, now, Number(args["dashboard-page"])));
      // The same reads through the app's data layer in-process: the page's time less this is rendering and HTTP.
      dashboardData = runWorker<Timing>("scripts/bench-app/dashboard-worker.ts", { databaseUrl: runUrl, sessionId: session, requests } satisfies DashboardTask);
      log(`  /dashboard's data layer in-process: p50 ${dashboardData.p50.toFixed(0)} / p95 ${dashboardData.p95.toFixed(0)} ms (the rest of the page's time is rendering and HTTP)`);
      // The portfolio's heavier views, each its own page (decision 021): held to the dashboard's target.
      log(`Portfolio views × ${requests}…`);
      for (const [path, floor] of [
        ["/dashboard/changes", changesFloor(session, now)],
        ["/dashboard/trends", trendsFloor(session, now)],
        ["/dashboard/managers", managersFloor(session, now)],
      ] as const) {
        // A view that fails (an error page, the server closing the connection) is reported, not fatal to the run.
        try {
          views.push({ path, figure: await measurePage(app.base, cookie, path, runUrl, floor) });
        } catch (error) {
          const cause = error instanceof Error ? `${error.message}${error.cause ? `: ${String((error.cause as Error).message ?? error.cause)}` : ""}` : String(error);
          log(`  ${path}: FAILED (${cause})`);
          failedViews.push({ path, error: cause });
        }
      }
      if (!only) {
        log(`Account pages × ${requests}…`);
        const floorOf = (id: string) => withClient(runUrl, (client) => accountFloor(client, session, id, now));
        medianPage = await measurePage(app.base, cookie, `/accounts/${median.id}`, runUrl, await floorOf(median.id));
        heaviestPage = await measurePage(app.base, cookie, `/accounts/${heaviest.id}`, runUrl, await floorOf(heaviest.id));
      }
    } finally {
      await app.stop();
    }

    let writes: { submitMedian: SubmitResult; submitHeaviest: SubmitResult; rescore: Awaited<ReturnType<typeof measureRescore>> } | null = null;
    if (!only) {
      log(`Rating submissions: ${args.submissions} per account over ${lanes} connections…`);
      const submitMedian = runSubmitWorker({ databaseUrl: runUrl, accountId: median.id, submissions: Number(args.submissions), lanes });
      const submitHeaviest = runSubmitWorker({ databaseUrl: runUrl, accountId: heaviest.id, submissions: Number(args.submissions), lanes });
      log(`Full rescore…`);
      writes = { submitMedian, submitHeaviest, rescore: await measureRescore(runUrl) };
    }

    let compare: { scale: number; dashboard: PageFigure; ratio: number } | null = null;
    if (args["compare-scale"]) {
      const big = Number(args["compare-scale"]);
      // Never built here: building 10,000 accounts takes most of an hour (build it ahead with --db-only --scale 5).
      const bigDb = await builtDatabase(SERVER, { name: dbName(big), scale: big, seed }, log);
      if (!bigDb) log(`No ${dbName(big)} built for generator ${GENERATOR_VERSION}: the dashboard at scale ${big} is not measured (npm run bench:app -- --db-only --scale ${big}).`);
      else {
        log(`Dashboard at scale ${big} × ${requests}…`);
        const bigDashboard = await dashboardOn(bigDb.url, port);
        compare = { scale: big, dashboard: bigDashboard, ratio: bigDashboard.app.p95 / dashboard.app.p95 };
      }
    }

    const measured = [writes?.submitMedian, writes?.submitHeaviest, writes?.rescore].filter((w) => w !== undefined);
    const storage = { bytes: measured.reduce((n, w) => n + w.storage.bytes, 0), writes: measured.reduce((n, w) => n + w.storage.writes, 0) };
    const bytesPerWrite = storage.writes > 0 ? storage.bytes / storage.writes : NaN;
    const within = (r: { app: Timing; floor: Timing }, max: number) => r.app.p95 <= max * r.floor.p95;
    const rows: Row[] = [
      {
        measure: "dashboard GET",
        app: dashboard.app,
        floor: dashboard.floor,
        target: "p95 ≤ 1.5 × floor",
        pass: within(dashboard, 1.5),
        note: `${(dashboard.bytes / 1024).toFixed(0)} KB of HTML, ${dashboard.rows} table rows; its data layer in-process p50 ${dashboardData.p50.toFixed(0)} / p95 ${dashboardData.p95.toFixed(0)} ms`,
      },
      ...views.map(({ path, figure }) => ({
        measure: `${path} GET`,
        app: figure.app,
        floor: figure.floor,
        target: "p95 ≤ 1.5 × floor",
        pass: within(figure, 1.5),
        note: `${(figure.bytes / 1024).toFixed(0)} KB of HTML, ${figure.rows} table rows`,
      })),
      ...[["median", medianPage, median], ["heaviest", heaviestPage, heaviest]].flatMap(([which, p, account]) => {
        const page = p as PageFigure | null;
        if (!page) return [];
        const { history } = account as { history: number };
        return [{ measure: `account page, ${which as string}`, app: page.app, floor: page.floor, target: "p95 ≤ 2 × floor", pass: within(page, 2), note: `${(page.bytes / 1024).toFixed(0)} KB, ${page.rows} table rows (${history} records)` }];
      }),
      ...(writes ? [["median", writes.submitMedian], ["heaviest", writes.submitHeaviest]] : []).map(([which, s]) => {
        const r = s as SubmitResult;
        return {
          measure: `rating submit, ${which as string}`,
          app: r.app,
          floor: r.floor,
          target: "/s ≥ 0.6 ×, p95 ≤ 1.5 × floor",
          pass: r.app.throughput >= 0.6 * r.floor.throughput && r.app.p95 <= 1.5 * r.floor.p95,
          note: `${r.statements} statements per submission, ${r.roundTrips.inTransaction} inside its transaction; ${r.failed} of ${args.submissions} failed${r.firstError ? ` (${r.firstError.slice(0, 120)})` : ""}; floor failures ${r.floorFailed}${r.floorError ? ` (${r.floorError})` : ""}`,
        };
      }),
      ...(writes
        ? [{ measure: "full rescore", app: writes.rescore.app, floor: writes.rescore.floor, target: "< 10 s", pass: writes.rescore.app.p50 < 10_000, note: `${writes.rescore.accounts} accounts, ${writes.rescore.statements} statements` }]
        : []),
    ];
    if (compare) {
      rows.push({ measure: `dashboard at scale ${compare.scale}`, app: compare.dashboard.app, floor: compare.dashboard.floor, target: `≤ 1.3 × scale ${scale}'s p95`, pass: compare.ratio <= 1.3, note: `${compare.ratio.toFixed(2)} × the scale-${scale} dashboard's p95; ${(compare.dashboard.bytes / 1024).toFixed(0)} KB` });
    }
    console.log("");
    printTable(rows);
    for (const { path, error } of failedViews) console.log(`  ${path}: not measured, ${error}`);
    const heavyVsMedian = writes ? writes.submitMedian.app.throughput / writes.submitHeaviest.app.throughput : NaN;
    if (writes) {
      console.log(`\nHeaviest account's submissions: ${heavyVsMedian.toFixed(2)} × slower than the median's (target ≤ 2): ${heavyVsMedian <= 2 ? "yes" : "NO"}`);
      console.log(`Snapshot storage: ${(bytesPerWrite / 1024).toFixed(2)} KB per write (${storage.writes} writes during the run, ${(storage.bytes / 1048576).toFixed(1)} MB growth; target ≤ 0.5 KB): ${bytesPerWrite <= 512 ? "yes" : "NO"}`);
      console.log(`Database: ${writes.rescore.databaseMB.toFixed(0)} MB, of it health_snapshots ${writes.rescore.snapshotsMB.toFixed(0)} MB.`);
    }
    const conditionsAfter = { ...conditions, loadAfter: loadavg(), seconds: (performance.now() - started) / 1000, base: BASE, build: built };
    console.log(`Load: ${conditions.loadBefore.map((x) => x.toFixed(2)).join(" ")} before, ${conditionsAfter.loadAfter.map((x) => x.toFixed(2)).join(" ")} after; ${conditionsAfter.seconds.toFixed(0)} s.`);
    if (args.json) {
      const report = { conditions: conditionsAfter, accounts: { median, heaviest }, dashboard, dashboardData, views, failedViews, medianPage, heaviestPage, ...writes, heavyVsMedian, storage: { ...storage, bytesPerWrite }, compare, rows };
      writeFileSync(args.json, JSON.stringify(report, null, 2));
      log(`Wrote ${args.json}.`);
    }
  } finally {
    await withClient(SERVER, (client) => client.query(`DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
