// npm run bench:lighthouse [-- --json out.json --no-build --runs 1]
// Lighthouse 12.8 on /dashboard at 2,000 accounts (the bench:app database, built if missing),
// signed in as the CIO (the session cookie passed as an extra header), with the desktop and the
// mobile presets; prints the performance score, LCP, TBT and CLS beside the targets (≥ 95 desktop,
// ≥ 90 mobile), then what costs the score: each metric's own score, and the audits that fail with
// what they name (script bootup, unused JavaScript, render-blocking files, DOM size, the LCP
// element). Chromium from CHROME_PATH (default /usr/bin/chromium).
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config, type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { ensureDatabase } from "./database";
import { CIO_EMAIL, CIO_PASSWORD } from "./generate";
import { buildApp, getPage, hasBuild, signIn, startApp } from "./server";

const { values: args } = parseArgs({
  options: {
    json: { type: "string" },
    port: { type: "string", default: "3152" },
    runs: { type: "string", default: "1" },
    path: { type: "string", default: "/dashboard" },
    "no-build": { type: "boolean", default: false },
  },
});
const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TARGETS = { desktop: 95, mobile: 90 } as const;
const WARM_UP_REQUESTS = 3;
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

interface Result {
  preset: "desktop" | "mobile";
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Each metric's 0–100 score (the performance score is their weighted mean). */
  metrics: Record<string, number>;
  /** The failing audits, worst first, with Lighthouse's one-line figure. */
  costs: string[];
  /** Script bytes transferred. */
  scriptKb: number;
}

const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"] as const;
// Diagnostics worth reading when the score is short; Lighthouse names the files or the element.
const COST_AUDITS = [
  "bootup-time",
  "mainthread-work-breakdown",
  "unused-javascript",
  "render-blocking-resources",
  "render-blocking-insight",
  "dom-size",
  "dom-size-insight",
  "long-tasks",
  "largest-contentful-paint-element",
  "lcp-breakdown-insight",
  "font-display",
  "font-display-insight",
  "layout-shifts",
  "server-response-time",
  "total-byte-weight",
];

async function audit(url: string, cookie: string, preset: Result["preset"], port: number): Promise<Result> {
  const flags: Flags = { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } };
  const config: Config | undefined = preset === "desktop" ? (desktopConfig as Config) : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error("Lighthouse returned nothing");
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const costs = COST_AUDITS.map((id) => lhr.audits[id])
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.score !== null && a.score < 0.9)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((a) => `${a.id}: ${a.displayValue ?? ""}${topItems(a.details)}`);
  const requests = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  return {
    preset,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    metrics: Object.fromEntries(METRICS.map((id) => [id, Math.round((lhr.audits[id]?.score ?? 0) * 100)])),
    costs,
    scriptKb: requests.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024,
  };
}

/** The first three rows of an audit's table (a script and its time, a file and its waste), shortened. */
function topItems(details: unknown): string {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const cells = items.slice(0, 3).map((item) => {
    const name = String(item.url ?? item.groupLabel ?? (item.node as { snippet?: string } | undefined)?.snippet ?? item.label ?? "").replace(/^https?:\/\/[^/]+/, "").slice(0, 60);
    const value = item.total ?? item.wastedBytes ?? item.duration ?? item.wastedMs ?? item.transferSize;
    return typeof value === "number" ? `${name} ${value.toFixed(0)}` : name;
  });
  return cells.length > 0 ? ` — ${cells.join("; ")}` : "";
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const loadBefore = loadavg();
  const database = await ensureDatabase(SERVER, { name: "bench_app", scale: 1, seed: 42, rebuild: false }, console.log);
  if (!args["no-build"] || !hasBuild()) buildApp(console.log);
  const app = await startApp(database.url, Number(args.port));
  const results: Result[] = [];
  try {
    const cookie = await signIn(app.base, CIO_EMAIL, CIO_PASSWORD);
    // Warm, as a running server is: the first renders of a fresh `next start` compile and connect
    // (the root document took 2.9 s in the first audit otherwise, which is no user's page view).
    for (let warm = 0; warm < WARM_UP_REQUESTS; warm++) await getPage(app.base, args.path, cookie);
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
    try {
      for (let run = 0; run < Number(args.runs); run++) {
        for (const preset of ["desktop", "mobile"] as const) results.push(await audit(`${app.base}${args.path}`, cookie, preset, chrome.port));
      }
    } finally {
      chrome.kill();
    }
  } finally {
    await app.stop();
  }
  console.log(`Lighthouse 12.8 on ${args.path} at 2,000 accounts, signed in as the CIO — ${date}, load ${loadBefore.map((x) => x.toFixed(2)).join(" ")}`);
  for (const r of results) {
    const target = TARGETS[r.preset];
    console.log(
      `${r.preset.padEnd(8)} performance ${String(r.score).padStart(3)} (target ≥ ${target}: ${r.score >= target ? "yes" : "NO"})  LCP ${(r.lcpMs / 1000).toFixed(2)} s  TBT ${r.tbtMs.toFixed(0)} ms  CLS ${r.cls.toFixed(3)}  scripts ${r.scriptKb.toFixed(0)} KB`,
    );
    console.log(`  metric scores: ${Object.entries(r.metrics).map(([id, score]) => `${id} ${score}`).join(", ")}`);
    for (const cost of r.costs) console.log(`  ${cost}`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ date, loadBefore, loadAfter: loadavg(), path: args.path, results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
