// The benchmark's database, built deterministically: the same seed and scale give the same rows
// (ids, texts, scores, dates relative to the build's anchor day). Per-account history sizes are
// lognormal (a few accounts are very heavy), drawn in JS with a seeded PRNG; the rows themselves are
// written by set-based SQL (generate_series over a per-account table), every random choice an md5
// of (seed, table, row, field), so 1,000,000 ratings load in about a minute.
//
// Every account has a mood (uniform); its sickness on a day (pg_temp.sick: 0 above HEALTHY_MOOD,
// rising to 1 at mood 0, drifting over the year) sets how likely each signal is to be a symptom:
// a healthy account's records carry none (ratings of 4–5, meetings kept, projects on time, SLAs
// met), a sick one's carry more and worse ones. So the rescore finds every stage, most accounts
// healthy or with sniffles, as in a real portfolio (docs/benchmarks.md gives the mix).
import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { textLibrary } from "./texts";

export interface GenerateOptions {
  scale: number;
  seed: number;
  /** The day the history ends (UTC midnight); all dates are relative to it. */
  anchor: Date;
}

export const CIO_EMAIL = "cio@bench.example";
export const CIO_PASSWORD = "bench-cio-password-1";
export const BASE = { accounts: 2000, interactions: 200_000, ratings: 1_000_000, managers: 40 };
const HISTORY_DAYS = 730;
const LOGNORMAL_SIGMA = 1.2;
/** Moods above this are healthy (sickness 0) on an average day. */
const HEALTHY_MOOD = 0.55;
/**
 * The portfolio's mix, as the default scoring configuration diagnoses the generated records: a
 * uniform draw u becomes the mood at these knots (linear between), so some 5 % of the accounts
 * are at the end stage, 9 % pneumonia, 16 % flu, 30 % sniffles and 40 % healthy (measured at scale
 * 1; the build prints the mix it got).
 */
const MOOD_KNOTS: [number, number][] = [
  [0, 0],
  [0.05, 0.09],
  [0.14, 0.2],
  [0.3, 0.33],
  [0.6, 0.56],
  [1, 1],
];

export function moodOf(u: number): number {
  const i = MOOD_KNOTS.findIndex(([x]) => x >= u);
  if (i <= 0) return 0;
  const [x0, y0] = MOOD_KNOTS[i - 1]!;
  const [x1, y1] = MOOD_KNOTS[i]!;
  return y0 + ((u - x0) / (x1 - x0)) * (y1 - y0);
}

/** A seeded PRNG (mulberry32): same seed, same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Splits `total` over `weights` so the parts sum to it exactly (largest remainders). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

type Step = (sql: string, params?: unknown[]) => Promise<void>;

/** Writes every table of the app; returns the row counts of the big ones. */
export async function generate(client: pg.Client, { scale, seed, anchor }: GenerateOptions, log: (line: string) => void): Promise<void> {
  const random = prng(seed);
  const accounts = Math.round(BASE.accounts * scale);
  const managers = Math.max(1, Math.round(BASE.managers * scale));
  const weights = Array.from({ length: accounts }, () => Math.exp(LOGNORMAL_SIGMA * gaussian(random)));
  const interactions = apportion(Math.round(BASE.interactions * scale), weights);
  const ratings = apportion(Math.round(BASE.ratings * scale), weights);
  const moods = Array.from({ length: accounts }, () => moodOf(random()));
  const contacts = Array.from({ length: accounts }, () => 3 + Math.floor(random() * 6));
  const clients = Array.from({ length: accounts }, () => 1 + Math.floor(random() * 3));
  const texts = textLibrary();

  const step: Step = async (sql, params = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    const label = sql.trim().split("\n")[0]!.slice(0, 60);
    log(`  ${label.padEnd(60)} ${String(result.rowCount ?? "").padStart(9)} rows ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  };

  await client.query(`SET jit = off; SET synchronous_commit = off; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'`);
  // u(key): a uniform number in [0, 1) from the key's md5; the seed is part of every key.
  await client.query(`CREATE FUNCTION pg_temp.u(k text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT ('x' || substr(md5('${seed}:' || k), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
  await client.query(`CREATE FUNCTION pg_temp.gid(k text) RETURNS text LANGUAGE sql IMMUTABLE AS
    $$ SELECT 'c' || substr(md5('${seed}:id:' || k), 1, 24) $$`);
  // sick(mood, days ago, account): the account's sickness that day, 0 (healthy) to 1; the mood
  // drifts by ±0.1 over a year, so accounts near the edge fall ill and recover.
  await client.query(`CREATE FUNCTION pg_temp.sick(mood float8, days float8, idx int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT greatest(0, least(1, (${HEALTHY_MOOD} - (mood + 0.1 * sin(days / 58.1 + idx))) / ${HEALTHY_MOOD})) $$`);
  // tier(sickness, key): the tier of a text (0: no symptom; 1 sniffles … 4 the end stage) said on a day of that
  // sickness: symptoms as often as the sickness, the later stages' words only when very sick.
  await client.query(`CREATE FUNCTION pg_temp.tier(s float8, k text) RETURNS int LANGUAGE sql IMMUTABLE AS
    $$ SELECT CASE WHEN pg_temp.u(k || ':sick') >= s THEN 0 ELSE least(4, 1 + floor(pg_temp.u(k || ':tier') * 4 * s * s)::int) END $$`);
  // text_code(sickness, key, texts per tier): which text is said, as tier × 16 + its index in the tier
  // (the texts tables' code), so the texts join on one equality.
  await client.query(`CREATE FUNCTION pg_temp.text_code(s float8, k text, counts int[]) RETURNS int LANGUAGE sql IMMUTABLE AS
    $$ SELECT t * 16 + 1 + floor(pg_temp.u(k || ':pick') * counts[t + 1])::int FROM (SELECT pg_temp.tier(s, k) AS t) x $$`);
  const { comments, quotes, interactions: notes } = texts;
  await client.query(`CREATE TEMP TABLE comment_texts AS SELECT *, tier * 16 + k AS code FROM unnest($1::text[], $2::int[], $3::int[], $4::jsonb[]) AS c(comment, tier, k, hits)`, [
    comments.texts,
    comments.tiers,
    comments.index,
    comments.hits,
  ]);
  await client.query(`CREATE TEMP TABLE quote_texts AS SELECT *, tier * 16 + k AS code FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::jsonb[]) AS q(side, text, tier, k, hits)`, [
    quotes.sides,
    quotes.texts,
    quotes.tiers,
    quotes.index,
    quotes.hits,
  ]);
  await client.query(`CREATE TEMP TABLE interaction_texts AS SELECT *, tier * 16 + k AS code FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::jsonb[]) AS t(summary, notes, tier, k, hits)`, [
    notes.summaries,
    notes.notes,
    notes.tiers,
    notes.index,
    notes.hits,
  ]);
  const counts = (perTier: number[]) => `ARRAY[${perTier.join(",")}]`;
  await client.query(`SET bench.anchor = '${anchor.toISOString()}'`);
  const A = `current_setting('bench.anchor')::timestamp`;

  log(`Generating ${accounts} accounts (seed ${seed}, anchor ${anchor.toISOString().slice(0, 10)})`);
  await step(
    `CREATE TEMP TABLE g AS SELECT idx::int, pg_temp.gid('account:' || idx) AS id, n_int, n_rat, mood, n_contacts, n_clients,
       pg_temp.gid('rm:' || (idx % ${managers})) AS rm
     FROM unnest($1::int[], $2::int[], $3::float8[], $4::int[], $5::int[]) WITH ORDINALITY AS x(n_int, n_rat, mood, n_contacts, n_clients, idx)`,
    [interactions, ratings, moods, contacts, clients],
  );
  await client.query(`ALTER TABLE g ADD PRIMARY KEY (idx)`);

  const cioHash = await hashPassword(CIO_PASSWORD);
  const unusable = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + Buffer.alloc(64).toString("base64");
  await step(
    `INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at)
     VALUES (pg_temp.gid('cio'), '${CIO_EMAIL}', 'Casey CIO', 'CIO', $1, ${A} - interval '${HISTORY_DAYS} days', ${A}),
            (pg_temp.gid('admin'), 'admin@bench.example', 'Ada Admin', 'ADMIN', $2, ${A} - interval '${HISTORY_DAYS} days', ${A})`,
    [cioHash, unusable],
  );
  await step(
    `INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at)
     SELECT pg_temp.gid('rm:' || k), 'rm' || k || '@bench.example', 'Manager ' || k, 'RELATIONSHIP_MANAGER', $1, ${A} - interval '${HISTORY_DAYS} days', ${A}
     FROM generate_series(0, ${managers - 1}) k`,
    [unusable],
  );
  // 1% of the units have no manager (the dashboard flags them), 1% are archived.
  await step(
    `INSERT INTO accounts (id, name, description, relationship_manager_id, criticality, meeting_cadence_days, archived_at, created_at, updated_at)
     SELECT id, 'Unit ' || lpad(idx::text, 5, '0'), 'Business unit ' || idx || ' served by IT.',
       CASE WHEN pg_temp.u('acc-rm:' || idx) < 0.01 THEN NULL ELSE rm END,
       (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + floor(pg_temp.u('acc-crit:' || idx) * 4)::int]::"Criticality",
       -- A cadence the account's history can keep (a sick account's is kept less: its gaps show).
       (SELECT CASE WHEN c >= 4 * ${HISTORY_DAYS}.0 / greatest(1, n_int) OR pg_temp.sick(mood, 0, idx) > 0.4 THEN c END
        FROM (SELECT (ARRAY[14, 30, 30, 90, NULL])[1 + floor(pg_temp.u('acc-cad:' || idx) * 5)::int] AS c) cad),
       CASE WHEN pg_temp.u('acc-arch:' || idx) < 0.01 THEN ${A} - interval '30 days' END,
       ${A} - interval '${HISTORY_DAYS} days', ${A}
     FROM g`,
  );
  await step(
    `INSERT INTO contacts (id, account_id, name, title, email, role, influence, interest, left_at, created_at, updated_at)
     SELECT pg_temp.gid('contact:' || g.idx || ':' || k), g.id, 'Contact ' || g.idx || '-' || k, (ARRAY['Head of Sales','COO','Finance Director','Team Lead','Analyst'])[1 + (k % 5)],
       'contact-' || g.idx || '-' || k || '@unit.example',
       (ARRAY['SPONSOR','DECISION_MAKER','BUDGET_HOLDER','KEY_USER','INFLUENCER','OTHER'])[least(k, 6)]::"ContactRole",
       (ARRAY['LOW','MEDIUM','HIGH'])[1 + floor(pg_temp.u('ci:' || g.idx || ':' || k) * 3)::int]::"Level",
       (ARRAY['LOW','MEDIUM','HIGH'])[1 + floor(pg_temp.u('ct:' || g.idx || ':' || k) * 3)::int]::"Level",
       CASE WHEN k > 1 AND pg_temp.u('cl:' || g.idx || ':' || k) < 0.1 THEN ${A} - interval '60 days' END,
       ${A} - interval '${HISTORY_DAYS} days', ${A}
     FROM g CROSS JOIN LATERAL generate_series(1, g.n_contacts) k`,
  );
  await step(`UPDATE accounts a SET sponsor_contact_id = pg_temp.gid('contact:' || g.idx || ':1') FROM g WHERE g.id = a.id`);
  await step(
    `INSERT INTO users (id, email, name, role, password_hash, account_id, created_at, updated_at)
     SELECT pg_temp.gid('client:' || g.idx || ':' || k), 'client-' || g.idx || '-' || k || '@unit.example', 'Client ' || g.idx || '-' || k, 'CLIENT', $1, g.id,
       ${A} - interval '${HISTORY_DAYS} days', ${A}
     FROM g CROSS JOIN LATERAL generate_series(1, g.n_clients) k`,
    [unusable],
  );
  await step(
    `INSERT INTO account_ownerships (id, account_id, manager_id, started_at)
     SELECT pg_temp.gid('own:' || g.idx), g.id, a.relationship_manager_id, ${A} - interval '${HISTORY_DAYS} days' FROM g JOIN accounts a ON a.id = g.id`,
  );

  // Interactions: the account's sickness that day sets the sentiment, punctuality, preparation,
  // missed contacts, escalations and what was said.
  await step(
    `INSERT INTO interactions (id, account_id, type, occurred_at, summary, notes, sentiment, it_on_time, it_prepared, outcome, cancelled_by, phrase_hits, logged_by_id, created_at, updated_at)
     SELECT id, account_id, type, occurred_at, t.summary, t.notes,
       (ARRAY['VERY_NEGATIVE','NEGATIVE','NEUTRAL','POSITIVE','VERY_POSITIVE'])[1 + least(4, greatest(0, floor((0.85 - 0.75 * s + (pg_temp.u('im:' || id) - 0.5) * 0.5) * 5)::int))]::"Sentiment",
       CASE WHEN type = 'EMAIL' THEN NULL ELSE pg_temp.u('ot:' || id) < 0.98 - 0.5 * s END,
       CASE WHEN type = 'EMAIL' THEN NULL ELSE pg_temp.u('pr:' || id) < 0.98 - 0.5 * s END,
       outcome,
       CASE outcome WHEN 'HELD' THEN 'NOBODY' WHEN 'UNANSWERED' THEN (CASE WHEN pg_temp.u('cb:' || id) < s - 0.5 THEN 'IT' ELSE 'CLIENT' END)
         ELSE (ARRAY['IT','CLIENT'])[1 + floor(pg_temp.u('cb:' || id) * 2)::int] END::"CancelledBy",
       t.hits, rm, occurred_at, occurred_at
     FROM (
       SELECT x.*,
         CASE WHEN pg_temp.u('ie:' || x.id) < 0.08 * s THEN 'ESCALATION'
           ELSE (ARRAY['MEETING','CALL','EMAIL','WORKSHOP','STATUS_UPDATE','REVIEW'])[1 + floor(pg_temp.u('it:' || x.id) * 6)::int] END::"InteractionType" AS type,
         CASE WHEN pg_temp.u('ix:' || x.id) >= 0.03 + 0.25 * s THEN 'HELD' ELSE (ARRAY['CANCELLED','UNANSWERED','NO_SHOW'])[1 + floor(pg_temp.u('iy:' || x.id) * 3)::int] END::"InteractionOutcome" AS outcome,
         pg_temp.text_code(s, 'its:' || x.id, ${counts(notes.perTier)}) AS text_code
       FROM (
         SELECT pg_temp.gid('int:' || g.idx || ':' || k) AS id, g.id AS account_id, g.rm, ${A} - d.days * interval '1 day' AS occurred_at, pg_temp.sick(g.mood, d.days, g.idx) AS s
         FROM g CROSS JOIN LATERAL generate_series(1, g.n_int) k
         CROSS JOIN LATERAL (SELECT pg_temp.u('io:' || g.idx || ':' || k) * ${HISTORY_DAYS} AS days) d
         OFFSET 0
       ) x
       OFFSET 0
     ) i JOIN interaction_texts t ON t.code = i.text_code`,
  );
  await step(
    `INSERT INTO quotes (id, interaction_id, side, text, phrase_hits, created_at)
     SELECT pg_temp.gid('q:' || qi.id || ':' || qi.k), qi.id, q.side::"Side", q.text, q.hits, qi.occurred_at
     FROM (
       SELECT i.id, i.occurred_at, k,
         pg_temp.text_code(pg_temp.sick(g.mood, extract(epoch FROM ${A} - i.occurred_at) / 86400, g.idx), 'qt:' || i.id || ':' || k, ${counts(quotes.perTier)}) AS text_code
       FROM interactions i JOIN g ON g.id = i.account_id
       CROSS JOIN LATERAL generate_series(1, (pg_temp.u('qa:' || i.id) < 0.6)::int + (pg_temp.u('qb:' || i.id) < 0.2)::int) k
       OFFSET 0
     ) qi JOIN quote_texts q ON q.code = qi.text_code`,
  );
  await step(
    `INSERT INTO interaction_attendees (id, interaction_id, side, contact_id, user_id)
     SELECT pg_temp.gid('att:' || i.id || ':' || k), i.id, 'BUSINESS'::"Side", pg_temp.gid('contact:' || g.idx || ':' || (1 + (floor(pg_temp.u('ac:' || i.id) * g.n_contacts)::int + k) % g.n_contacts)), NULL
     FROM interactions i JOIN g ON g.id = i.account_id CROSS JOIN LATERAL generate_series(1, 1 + (pg_temp.u('an:' || i.id) < 0.5)::int) k
     UNION ALL
     SELECT pg_temp.gid('att:' || i.id || ':it'), i.id, 'IT'::"Side", NULL, i.logged_by_id FROM interactions i`,
  );
  await step(
    `INSERT INTO follow_ups (id, account_id, interaction_id, description, owed_by, due_date, done_at, created_at, updated_at)
     SELECT pg_temp.gid('fu:' || i.id), i.account_id, i.id, 'Send the minutes and the agreed actions',
       CASE WHEN pg_temp.u('fo:' || i.id) < 0.7 THEN 'IT' ELSE 'BUSINESS' END::"Side",
       (i.occurred_at + interval '14 days')::date,
       -- Done within the fortnight when healthy; late or never the sicker the account.
       CASE WHEN pg_temp.u('fd:' || i.id) < 1 - 0.6 * i.s THEN least(${A}, i.occurred_at + (3 + pg_temp.u('fe:' || i.id) * (9 + 25 * i.s)) * interval '1 day') END,
       i.occurred_at, i.occurred_at
     FROM (SELECT i.*, pg_temp.sick(g.mood, extract(epoch FROM ${A} - i.occurred_at) / 86400, g.idx) AS s FROM interactions i JOIN g ON g.id = i.account_id) i
     WHERE pg_temp.u('fu:' || i.id) < 0.33 AND i.occurred_at + interval '14 days' < ${A} + interval '30 days'`,
  );

  // Ratings: overall from the account's sickness that day (4–5 when healthy); a quarter carry a comment.
  await step(
    `INSERT INTO ratings (id, account_id, source, user_id, contact_id, overall, recommend, responsiveness, delivery, communication, business_understanding, trust, comment, phrase_hits, idempotency_key, created_at)
     SELECT r.id, r.account_id, CASE WHEN r.inv THEN 'INVITATION' ELSE 'APP' END::"RatingSource",
       CASE WHEN r.inv THEN NULL ELSE pg_temp.gid('client:' || r.idx || ':' || (1 + floor(pg_temp.u('ru:' || r.id) * r.n_clients)::int)) END,
       CASE WHEN r.inv THEN pg_temp.gid('contact:' || r.idx || ':' || (1 + floor(pg_temp.u('rc:' || r.id) * r.n_contacts)::int)) END,
       r.overall, least(10, greatest(0, r.overall * 2 + floor(pg_temp.u('rr:' || r.id) * 3)::int - 1)),
       CASE WHEN r.dims THEN least(5, greatest(1, r.overall + floor(pg_temp.u('d1:' || r.id) * 3)::int - 1)) END,
       CASE WHEN r.dims THEN least(5, greatest(1, r.overall + floor(pg_temp.u('d2:' || r.id) * 3)::int - 1)) END,
       CASE WHEN r.dims THEN least(5, greatest(1, r.overall + floor(pg_temp.u('d3:' || r.id) * 3)::int - 1)) END,
       CASE WHEN r.dims THEN least(5, greatest(1, r.overall + floor(pg_temp.u('d4:' || r.id) * 3)::int - 1)) END,
       CASE WHEN r.dims THEN least(5, greatest(1, r.overall + floor(pg_temp.u('d5:' || r.id) * 3)::int - 1)) END,
       CASE WHEN r.commented THEN c.comment ELSE '' END, CASE WHEN r.commented THEN c.hits ELSE '[]' END, md5('${seed}:key:' || r.id)::uuid::text, r.created_at
     FROM (
       SELECT x.*, least(5, greatest(1, round(4.3 - 2.8 * x.s + (pg_temp.u('ro:' || x.id) - 0.5) * 2)::int)) AS overall, pg_temp.text_code(x.s, 'rn:' || x.id, ${counts(comments.perTier)}) AS text_code
       FROM (
         SELECT pg_temp.gid('rat:' || g.idx || ':' || k) AS id, g.idx, g.id AS account_id, g.n_clients, g.n_contacts,
           pg_temp.u('ri:' || g.idx || ':' || k) < 0.1 AS inv, pg_temp.u('rd:' || g.idx || ':' || k) < 0.6 AS dims,
           pg_temp.u('rk:' || g.idx || ':' || k) < 0.25 AS commented,
           ${A} - d.days * interval '1 day' AS created_at, pg_temp.sick(g.mood, d.days, g.idx) AS s
         FROM g CROSS JOIN LATERAL generate_series(1, g.n_rat) k
         CROSS JOIN LATERAL (SELECT pg_temp.u('rt:' || g.idx || ':' || k) * ${HISTORY_DAYS} AS days) d
         OFFSET 0
       ) x
       OFFSET 0
     ) r JOIN comment_texts c ON c.code = r.text_code`,
  );

  await generateRecords(step, A);
  await step(`DROP TABLE g, comment_texts, quote_texts, interaction_texts`);
}

/** The smaller kinds of signal: a few rows of each per account, each a symptom the likelier the sicker the account was that day. */
async function generateRecords(step: Step, A: string): Promise<void> {
  const per = (n: string) => `FROM g CROSS JOIN LATERAL generate_series(1, ${n}) k`;
  const ago = (days: string) => `${A} - (${days}) * interval '1 day'`;
  /** The account's sickness `days` days before the anchor. */
  const sick = (days: string) => `pg_temp.sick(g.mood, ${days}, g.idx)`;
  await step(`INSERT INTO core_systems (id, account_id, name, description) SELECT pg_temp.gid('cs:' || g.idx || ':' || k), g.id, (ARRAY['ERP','CRM','Payroll'])[k], 'Core system' ${per("2")}`);
  await step(
    `INSERT INTO sla_periods (id, account_id, core_system_id, period_start, period_end, target_percent, attained_percent)
     SELECT pg_temp.gid('sla:' || g.idx || ':' || k || ':' || m), g.id, pg_temp.gid('cs:' || g.idx || ':' || k),
       (date_trunc('month', ${A}) - m * interval '1 month')::date, (date_trunc('month', ${A}) - (m - 1) * interval '1 month' - interval '1 day')::date,
       99.5, round((CASE WHEN pg_temp.u('sm:' || g.idx || ':' || k || ':' || m) < 0.02 + 0.7 * ${sick("m * 30")}
         THEN 97 + pg_temp.u('sa:' || g.idx || ':' || k || ':' || m) * 2.4 ELSE 99.5 + pg_temp.u('sa:' || g.idx || ':' || k || ':' || m) * 0.5 END)::numeric, 2)::float8
     ${per("2")} CROSS JOIN generate_series(1, 12) m`,
  );
  await step(
    `INSERT INTO incidents (id, account_id, core_system_id, title, external_ref, occurred_at, resolved_at, major, heard_from_it_first)
     SELECT pg_temp.gid('inc:' || g.idx || ':' || k), g.id, pg_temp.gid('cs:' || g.idx || ':' || (1 + k % 2)), 'Outage of the service', 'INC' || g.idx || '-' || k,
       ${ago(`pg_temp.u('ia:' || g.idx || ':' || k) * 700`)}, ${ago(`pg_temp.u('ia:' || g.idx || ':' || k) * 700 - 1`)},
       pg_temp.u('im:' || g.idx || ':' || k) < 0.03 + 0.3 * ${sick(`pg_temp.u('ia:' || g.idx || ':' || k) * 700`)},
       pg_temp.u('ih:' || g.idx || ':' || k) < 0.95 - 0.6 * ${sick(`pg_temp.u('ia:' || g.idx || ':' || k) * 700`)}
     ${per("1 + least(20, g.n_int / 25)")}`,
  );
  await step(
    `INSERT INTO projects (id, account_id, name, high_profile, status, planned_start, planned_end, actual_end, budget, actual_cost, scope_delivered_percent)
     SELECT pg_temp.gid('prj:' || g.idx || ':' || k), g.id, 'Project ' || k, k = 1,
       (CASE WHEN k < 3 THEN 'DELIVERED' ELSE 'IN_PROGRESS' END)::"ProjectStatus",
       (${ago(`400 - k * 100`)})::date, (${ago(`300 - k * 100`)})::date,
       -- On time, on budget and in full when healthy; late, over and short the sicker the account.
       CASE WHEN k < 3 THEN (${ago(`300 - k * 100 + 3 - pg_temp.u('pl:' || g.idx || ':' || k) * 100 * ${sick("300 - k * 100")}`)})::date END,
       100000, 100000 * (0.92 + pg_temp.u('pc:' || g.idx || ':' || k) * 0.15 + pg_temp.u('pd:' || g.idx || ':' || k) * 0.6 * ${sick("300 - k * 100")}),
       CASE WHEN k < 3 THEN 100 - floor(pg_temp.u('ps:' || g.idx || ':' || k) * 40 * ${sick("300 - k * 100")})::int END
     ${per("3")}`,
  );
  await step(
    `INSERT INTO project_status_changes (id, project_id, status, changed_at)
     SELECT pg_temp.gid('psc:' || p.id || ':' || s), p.id, (ARRAY['PLANNED','IN_PROGRESS','DELIVERED'])[s]::"ProjectStatus", p.planned_start + (s - 1) * interval '60 days'
     FROM projects p CROSS JOIN LATERAL generate_series(1, CASE p.status WHEN 'DELIVERED' THEN 3 ELSE 2 END) s`,
  );
  await step(
    `INSERT INTO analyst_layer_counts (id, account_id, counted_at, count)
     SELECT pg_temp.gid('alc:' || g.idx || ':' || k), g.id, (${ago(`k * 90`)})::date, floor(greatest(0, ${sick("k * 90")} - 0.35) * 8 * (0.6 + 0.4 * pg_temp.u('al:' || g.idx)))::int + (k < 2 AND ${sick("0")} > 0.6)::int ${per("4")}`,
  );
  await step(
    `INSERT INTO structural_events (id, account_id, kind, occurred_at, resolved_at, size, forced)
     SELECT pg_temp.gid('se:' || g.idx || ':' || k), g.id,
       -- Kinds in the order of the stages they point to: the sicker the account, the later the kind.
       (ARRAY['METHODOLOGY_ENFORCED','BUSINESS_OWN_SOLUTION','SHADOW_IT_TEAM','OUTSIDE_CONSULTANTS','IT_DIRECTIVE_SAYING_NO','IT_AVOIDING_CONTACT','IT_LEADERSHIP_CHANGE','OUTSOURCING_DECISION'])[
         least(8, greatest(1, 1 + floor((${sick("0")} - 0.45) * 10 + pg_temp.u('sk:' || g.idx || ':' || k) * 1.5)::int))]::"StructuralKind",
       (${ago(`pg_temp.u('so:' || g.idx || ':' || k) * 600`)})::date, NULL, 3, false
     ${per(`CASE WHEN ${sick("0")} > 0.45 THEN 1 + floor((${sick("0")} - 0.45) * 6)::int ELSE 0 END`)}`,
  );
  await step(
    `INSERT INTO goals (id, account_id, title, measure, target, owner_name, agreed_at, review_every_days)
     SELECT pg_temp.gid('goal:' || g.idx || ':' || k), g.id, 'Goal ' || k, 'Tickets closed within SLA', '95%', 'Contact ' || g.idx || '-1', (${ago("450")})::date, 90 ${per("2")}`,
  );
  await step(
    `INSERT INTO goal_reviews (id, goal_id, reviewed_at, result)
     SELECT pg_temp.gid('gr:' || gl.id || ':' || k), gl.id, (${ago(`k * 90`)})::date,
       (CASE WHEN pg_temp.u('gr:' || gl.id || ':' || k) < 0.35 * s.s THEN 'MISSED' WHEN pg_temp.u('gr:' || gl.id || ':' || k) < 0.65 * s.s THEN 'PARTLY' ELSE 'MET' END)::"GoalReviewResult"
     FROM goals gl JOIN g ON g.id = gl.account_id CROSS JOIN generate_series(1, 4) k CROSS JOIN LATERAL (SELECT ${sick("k * 90")} AS s) s`,
  );
  await step(
    `INSERT INTO bad_news (id, account_id, project_id, what, known_at, told_at, told_by_id)
     SELECT pg_temp.gid('bn:' || g.idx || ':' || k), g.id, pg_temp.gid('prj:' || g.idx || ':3'), 'The release slips by a month',
       ${ago(`pg_temp.u('bk:' || g.idx || ':' || k) * 365`)}, ${ago(`pg_temp.u('bk:' || g.idx || ':' || k) * 365 - pg_temp.u('bt:' || g.idx || ':' || k) * (3 + 25 * ${sick(`pg_temp.u('bk:' || g.idx || ':' || k) * 365`)})`)}, g.rm
     ${per("1 + (pg_temp.u('bn:' || g.idx) < 0.5)::int")}`,
  );
  await step(
    `INSERT INTO declined_requests (id, account_id, request, declined_at, reason_explained, reason)
     SELECT pg_temp.gid('dr:' || g.idx || ':' || k), g.id, 'A new dashboard for the sales team', (${ago(`pg_temp.u('dd:' || g.idx || ':' || k) * 365`)})::date,
       pg_temp.u('de:' || g.idx || ':' || k) < 1 - 0.7 * ${sick(`pg_temp.u('dd:' || g.idx || ':' || k) * 365`)}, 'Not in this year''s budget'
     ${per("floor(pg_temp.u('dn:' || g.idx) * 4)::int")}`,
  );
  await step(
    `INSERT INTO it_assessments (id, account_id, assessed_by_id, assessed_at, overall, trust, notes)
     SELECT pg_temp.gid('ita:' || g.idx || ':' || k), g.id, g.rm, ${ago(`k * 90`)}, i.overall, i.overall, 'Quarterly self-assessment'
     ${per("4")} CROSS JOIN LATERAL (SELECT least(5, greatest(1, round(4.3 - 1.6 * ${sick("k * 90")})::int)) AS overall) i`,
  );
  await step(
    `INSERT INTO stage_overrides (id, account_id, stage, reason, expires_at, created_by_id, created_at)
     SELECT pg_temp.gid('so:' || g.idx), g.id, 'FLU', 'The sponsor told us in person', ${A} + interval '365 days', pg_temp.gid('cio'), ${ago("10")}
     FROM g WHERE pg_temp.u('sov:' || g.idx) < 0.02`,
  );
  // Action plans (lib/data/actions.ts): a few per unit, more the sicker it is; the older ones closed
  // (done, or dropped with a reason), the rest open, some past due. Owned by the unit's manager.
  await step(
    `INSERT INTO actions (id, account_id, title, owner_id, due_date, status, outcome, visible_to_client, created_by_id, created_at, updated_at, closed_by_id, closed_at)
     SELECT x.id, x.account_id, 'Agree the next quarter''s priorities with the sponsor', x.owner, (x.created + interval '30 days')::date, x.status::"ActionStatus",
       CASE x.status WHEN 'DONE' THEN 'Agreed and sent to the sponsor' WHEN 'DROPPED' THEN 'Overtaken by the reorganisation' END,
       pg_temp.u('av:' || x.id) < 0.5, x.owner, x.created, x.created, CASE WHEN x.status <> 'OPEN' THEN x.owner END,
       CASE WHEN x.status <> 'OPEN' THEN least(${A}, x.created + (10 + pg_temp.u('ac:' || x.id) * 40) * interval '1 day') END
     FROM (
       SELECT pg_temp.gid('act:' || g.idx || ':' || k) AS id, g.id AS account_id, coalesce(a.relationship_manager_id, pg_temp.gid('cio')) AS owner,
         ${ago("k * 25 + 5")} AS created,
         CASE WHEN k * 25 + 5 < 45 AND pg_temp.u('as:' || g.idx || ':' || k) < 0.8 THEN 'OPEN'
           WHEN pg_temp.u('as:' || g.idx || ':' || k) < 0.35 * ${sick("k * 25")} THEN 'OPEN'
           WHEN pg_temp.u('ad:' || g.idx || ':' || k) < 0.85 THEN 'DONE' ELSE 'DROPPED' END AS status
       FROM g JOIN accounts a ON a.id = g.id CROSS JOIN LATERAL generate_series(1, 1 + floor(${sick("0")} * 6 + pg_temp.u('an:' || g.idx) * 2)::int) k
     ) x`,
  );
  // A new epoch (a relationship starting over, recorded by the CIO) for one unit in a hundred.
  await step(
    `INSERT INTO account_epochs (id, account_id, starts_at, reason_kind, reason, recorded_by_id, created_at, updated_at)
     SELECT pg_temp.gid('ep:' || g.idx), g.id, date_trunc('day', ${ago(`60 + pg_temp.u('ep:' || g.idx) * 240`)}),
       (ARRAY['NEW_IT_LEADERSHIP','NEW_RELATIONSHIP_MANAGER','OUTSOURCING_CHANGE','OTHER'])[1 + floor(pg_temp.u('ek:' || g.idx) * 4)::int]::"EpochReason",
       'A fresh start after the reorganisation', pg_temp.gid('cio'), ${ago("60")}, ${ago("60")}
     FROM g WHERE pg_temp.u('epoch:' || g.idx) < 0.01`,
  );
  // A monthly survey of every unit: one contact asked per unit and month; most answer when healthy, few when sick.
  await step(
    `INSERT INTO campaigns (id, name, status, opens_at, closes_at, recurrence, created_by_id, created_at, opened_at, closed_at)
     SELECT pg_temp.gid('camp:' || m), 'Monthly pulse ' || m, 'CLOSED', ${ago(`m * 30`)}, ${ago(`m * 30 - 14`)}, 'MONTHLY', pg_temp.gid('cio'), ${ago(`m * 30 + 1`)}, ${ago(`m * 30`)}, ${ago(`m * 30 - 14`)}
     FROM generate_series(1, 12) m`,
  );
  await step(`INSERT INTO campaign_accounts (campaign_id, account_id) SELECT pg_temp.gid('camp:' || m), g.id FROM g CROSS JOIN generate_series(1, 12) m`);
  await step(
    `INSERT INTO rating_invitations (id, campaign_id, account_id, contact_id, token_salt, token_hash, sent_at, expires_at, answered_at, created_at)
     SELECT pg_temp.gid('inv:' || g.idx || ':' || m), pg_temp.gid('camp:' || m), g.id, pg_temp.gid('contact:' || g.idx || ':' || (1 + m % g.n_contacts)),
       md5('salt:' || g.idx || ':' || m), md5('${"token"}:' || g.idx || ':' || m), ${ago(`m * 30`)}, ${ago(`m * 30 - 14`)},
       CASE WHEN pg_temp.u('ans:' || g.idx || ':' || m) < 0.85 - 0.75 * ${sick("m * 30")} THEN ${ago(`m * 30 - 3`)} END, ${ago(`m * 30`)}
     FROM g CROSS JOIN generate_series(1, 12) m`,
  );
}
