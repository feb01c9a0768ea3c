// Percentiles, timing loops and the printed table of `npm run bench:app`.

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  /** Completed operations per second over the whole run (wall clock). */
  throughput: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(durations: number[], wallMs: number): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean, throughput: (sorted.length / wallMs) * 1000 };
}

/** Runs `work` n times one after another (after `warmup` untimed runs). */
export async function sequential(n: number, warmup: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(-1 - i);
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    durations.push(performance.now() - t);
  }
  return summarize(durations, performance.now() - started);
}

/**
 * Runs `work` n times in total over `lanes` concurrent lanes. A run that throws is left out of the
 * timings and the throughput (the caller counts and reports them).
 */
export async function concurrent(n: number, lanes: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        try {
          await work(i);
          durations.push(performance.now() - t);
        } catch {
          // counted by the caller
        }
      }
    }),
  );
  return summarize(durations, performance.now() - started);
}

export interface Row {
  measure: string;
  app: Timing;
  floor: Timing | null;
  /** The target as the issue states it, and whether the figure meets it. */
  target?: string;
  pass?: boolean;
  note?: string;
}

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : "–");
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)} ×` : "–");

export function printTable(rows: Row[]): void {
  const header = ["measure", "app p50 ms", "app p95 ms", "app /s", "floor p50", "floor p95", "floor /s", "p95 ratio", "/s ratio", "target", "ok"];
  const lines = rows.map((r) => [
    r.measure,
    ms(r.app.p50),
    ms(r.app.p95),
    r.app.throughput.toFixed(1),
    r.floor ? ms(r.floor.p50) : "–",
    r.floor ? ms(r.floor.p95) : "–",
    r.floor ? r.floor.throughput.toFixed(1) : "–",
    r.floor ? ratio(r.app.p95, r.floor.p95) : "–",
    r.floor ? ratio(r.app.throughput, r.floor.throughput) : "–",
    r.target ?? "",
    r.pass === undefined ? "" : r.pass ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(format(l));
  for (const r of rows) if (r.note) console.log(`  ${r.measure}: ${r.note}`);
}
