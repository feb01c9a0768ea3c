// The pure-library half of `npm run bench:scoring`: diagnoses per second for realistic accounts
// (a year each: ~50 interactions, ~100 ratings, stored phrase hits, and the signals of the app's
// other screens: projects, SLA per core system, goals and reviews, declined requests, …) on one
// core, then for accounts of ratings, interactions and follow-ups only (what the app stored
// before issue 6), and the phrase matcher's throughput on note text. Prints numbers; asserts
// nothing. Targets: ≥ 10,000 diagnoses/s and ≥ 20 MB/s.
import { accountSignalsSchema, detectPhrases, diagnose, diagnoseParsed } from "../lib/scoring";
import { noteText, prng, realisticAccount } from "../tests/fixtures/scoring/realistic";

const ACCOUNTS = Number(process.env.BENCH_SCORING_ACCOUNTS ?? 200);
const SECONDS = Number(process.env.BENCH_SCORING_SECONDS ?? 3);
const NOW = new Date("2026-06-30T12:00:00Z");

/** Runs `step` repeatedly for about `seconds` after a warm-up; returns runs per second. */
function rate(seconds: number, step: (i: number) => void): number {
  for (let i = 0; i < 200; i++) step(i);
  let runs = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let k = 0; k < 50; k++) step(runs++);
  }
  return runs / ((performance.now() - start) / 1000);
}

function benchDiagnose(captured: boolean): void {
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => realisticAccount(i + 1, NOW, captured));
  const stages = new Map<string, number>();
  for (const { signals, history } of accounts) {
    const stage = diagnose(signals, { now: NOW, history }).stage;
    stages.set(stage, (stages.get(stage) ?? 0) + 1);
  }
  const perSecond = rate(SECONDS, (i) => {
    const { signals, history } = accounts[i % accounts.length]!;
    diagnose(signals, { now: NOW, history });
  });
  const first = accounts[0]!.signals;
  const others = captured
    ? `, ${first.projects!.length} projects, ${first.slaPeriods!.length} SLA periods of ${new Set(first.slaPeriods!.map((p) => p.system)).size} systems, ` +
      `${first.incidents!.length} incidents, ${first.goals!.length} goals with ${first.goals![0]!.reviews!.length} reviews each, ` +
      `${first.declinedRequests!.length} declined requests, ${first.itAssessments!.length} IT assessments, bad news, layers, structural events`
    : " and nothing else (the shape before issue 6)";
  console.log(
    `diagnose: ${Math.round(perSecond).toLocaleString("en")} diagnoses/s on one core ` +
      `(${ACCOUNTS} accounts of ${first.ratings!.length} ratings, ${first.interactions!.length} interactions, ` +
      `${first.followUps!.length} follow-ups, stored phrase hits, 12 history entries${others}; target ≥ 10,000)`,
  );
  console.log(`  stages: ${[...stages].map(([s, n]) => `${s} ${n}`).join(", ")}`);
  // The two halves: validating the input with zod, and diagnosing signals already validated.
  const parsed = accounts.map(({ signals, history }) => ({ signals: accountSignalsSchema.parse(signals), history }));
  const validations = rate(SECONDS, (i) => accountSignalsSchema.parse(accounts[i % accounts.length]!.signals));
  const diagnosesOnly = rate(SECONDS, (i) => {
    const { signals, history } = parsed[i % parsed.length]!;
    diagnoseParsed(signals, { now: NOW, history });
  });
  console.log(
    `  of which: validation ${Math.round(validations).toLocaleString("en")}/s, ` +
      `diagnosis of validated signals (diagnoseParsed) ${Math.round(diagnosesOnly).toLocaleString("en")}/s`,
  );
}

function benchMatcher(): void {
  const random = prng(42);
  const notes = Array.from({ length: 2000 }, () => noteText(random, 3 + Math.floor(random() * 12)));
  const bytes = notes.reduce((sum, n) => sum + Buffer.byteLength(n, "utf8"), 0);
  const passes = rate(SECONDS, (i) => {
    detectPhrases(notes[i % notes.length]!);
  });
  const mbPerSecond = (passes * (bytes / notes.length)) / 1e6;
  console.log(
    `matcher: ${mbPerSecond.toFixed(1)} MB/s of note text (${notes.length} notes averaging ${Math.round(bytes / notes.length)} bytes; target ≥ 20)`,
  );
  const long = notes.join("\n");
  const start = performance.now();
  const reps = 20;
  for (let i = 0; i < reps; i++) detectPhrases(long);
  const longRate = (reps * Buffer.byteLength(long, "utf8")) / 1e6 / ((performance.now() - start) / 1000);
  console.log(`matcher: ${longRate.toFixed(1)} MB/s on one ${(Buffer.byteLength(long, "utf8") / 1e6).toFixed(1)} MB text`);
}

benchDiagnose(true);
benchDiagnose(false);
benchMatcher();
