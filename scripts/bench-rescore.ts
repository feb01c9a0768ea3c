// The database half of `npm run bench:scoring`: time to rescore ACCOUNTS realistic accounts
// (a year each: ~50 interactions with quotes, ~100 ratings, follow-ups, phrase hits stored as on
// save) from the database. Runs on a throwaway database: a new PostgreSQL database on the
// DATABASE_URL server, or a temporary PGlite directory without it. Prints numbers; asserts nothing.
import { rescoreAll } from "../lib/health/rescore";
import { onThrowawayDatabase, runBenchmark } from "./bench-db";
import { buildAccount, buildFollowUp, buildInteraction, buildQuote, buildRating, buildUser, newId } from "../prisma/seed/factories";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2000);
const DAY = 86_400_000;
const QUOTES = [
  ["BUSINESS", "IT just doesn't get it"],
  ["BUSINESS", "Thanks for turning the report around so quickly"],
  ["IT", "The business users kept changing their minds"],
  ["BUSINESS", "We've given up waiting for IT; we'll do it ourselves"],
  ["IT", "We will send the plan on Friday"],
] as const;
const SENTIMENTS = ["VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE"] as const;

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 2000) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

async function main(): Promise<void> {
  await onThrowawayDatabase(async (db) => {
    const prisma = db.prisma;
    const now = new Date();
    const random = prng(42);
    const rm = buildUser({ role: "RELATIONSHIP_MANAGER" });
    const client = buildUser({ role: "CLIENT" });
    await prisma.user.createMany({ data: [rm, client] });

    const started = performance.now();
    process.stdout.write(`Writing ${ACCOUNTS} accounts with a year of history each on ${db.kind}…`);
    for (let offset = 0; offset < ACCOUNTS; offset += 100) {
      const accounts = Array.from({ length: Math.min(100, ACCOUNTS - offset) }, (_, i) => buildAccount({ name: `Unit ${offset + i}`, relationshipManagerId: rm.id }));
      const interactions = [];
      const quotes = [];
      const ratings = [];
      const followUps = [];
      for (const account of accounts) {
        const mood = random();
        for (let n = 0; n < 50; n++) {
          const occurredAt = new Date(now.getTime() - Math.floor(random() * 365) * DAY);
          const interaction = buildInteraction({
            id: newId(random),
            accountId: account.id,
            loggedById: rm.id,
            occurredAt,
            sentiment: SENTIMENTS[Math.min(4, Math.floor((mood + random()) * 2.5))],
            itOnTime: random() > mood * 0.3,
            notes: "Reviewed the roadmap, the open incidents and next quarter's priorities.",
          });
          interactions.push(interaction);
          const [side, text] = QUOTES[Math.floor(random() * QUOTES.length)] as (typeof QUOTES)[number];
          quotes.push(buildQuote({ id: newId(random), interactionId: interaction.id, side, text, createdAt: occurredAt }));
          if (n % 3 === 0) {
            followUps.push(buildFollowUp({ id: newId(random), accountId: account.id, interactionId: interaction.id, owedBy: random() < 0.7 ? "IT" : "BUSINESS", createdAt: occurredAt, doneAt: random() < 0.7 ? new Date(occurredAt.getTime() + 5 * DAY) : null }));
          }
        }
        for (let n = 0; n < 100; n++) {
          const overall = Math.max(1, Math.min(5, Math.round(1 + mood * 4 + (random() - 0.5) * 2)));
          ratings.push(buildRating({ id: newId(random), accountId: account.id, userId: client.id, overall, recommend: overall * 2, createdAt: new Date(now.getTime() - Math.floor(random() * 365) * DAY), comment: n % 10 === 0 ? "IT just doesn't get it" : "" }));
        }
      }
      await prisma.account.createMany({ data: accounts });
      await insertInChunks(interactions, (chunk) => prisma.interaction.createMany({ data: chunk }));
      await insertInChunks(quotes, (chunk) => prisma.quote.createMany({ data: chunk }));
      await insertInChunks(ratings, (chunk) => prisma.rating.createMany({ data: chunk }));
      await insertInChunks(followUps, (chunk) => prisma.followUp.createMany({ data: chunk }));
    }
    console.log(` ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const rescoreStarted = performance.now();
    const { accounts } = await rescoreAll(prisma, now, {
      concurrency: db.kind === "postgres" ? 2 : 1,
      onProgress: (done, total) => process.stdout.write(`\rRescoring… ${done}/${total}`),
    });
    const seconds = (performance.now() - rescoreStarted) / 1000;
    console.log(`\rRescore of ${accounts} accounts from ${db.kind}: ${seconds.toFixed(2)} s (${Math.round(accounts / seconds)} accounts/s; target: 2,000 in under 10 s)`);
  });
}

runBenchmark(main);
