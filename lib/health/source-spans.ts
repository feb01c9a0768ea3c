import { type Diagnosis, type Evidence, type ParsedSignals, type PhraseHit, SICK_STAGES } from "../scoring";

// A diagnosis names the records behind each piece of evidence: for a year of ratings that is
// every rating in the window, several times over (level, recommendation, each dimension, trend),
// most of a stored diagnosis' bytes. Stored, a run of records that follow each other in the
// account's time-ordered list of a kind (ratings, interactions) keeps its first id and becomes a
// span token: "~<kind>[.<filter>]:<last id>:<count>" meaning "the <count> records of that list
// after the previous id, up to <last id>". The first id stays as it was, so the score chart (which
// reads each item's first record) and the diff (which matches items by a shared record) read a
// stored item as before. Reading a diagnosis back expands the spans (lib/data/diagnoses.ts), so
// the account page shows every record as before. The records of a phrase signal are those of the
// diagnosis' own phrases of one side and stage(s): such a list becomes "~phrases:<side>:<op>:<stage>"
// after its first id, expanded from the same diagnosis. Pure: no I/O.

/** The lists a span may run over, each with the filters a rule applies to it (ratedIds in lib/scoring/rules/ratings.ts). */
export const SPAN_KINDS = {
  rating: ["", "responsiveness", "delivery", "communication", "businessUnderstanding", "trust"],
  interaction: [""],
} as const;
export type SpanKind = keyof typeof SPAN_KINDS;
type Filter = (typeof SPAN_KINDS)[SpanKind][number];

/** A record as the lists are built: its time, id and which filters it passes. */
export interface SpanRecord {
  id: string;
  at: number;
  /** Dimensions rated (ratings only). */
  rated?: Partial<Record<Filter, boolean>>;
}

/** Shorter runs stay ids: a token is longer than one id. */
const MIN_RUN = 3;

const compareByTime = (a: SpanRecord, b: SpanRecord) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface List {
  kind: SpanKind;
  filter: Filter;
  records: SpanRecord[];
  index: Map<string, number>;
}

/** Each kind's records in the library's order (time, then id), under one filter. */
function listOf(kind: SpanKind, filter: Filter, sorted: SpanRecord[]): List {
  const kept = filter === "" ? sorted : sorted.filter((r) => r.rated?.[filter]);
  return { kind, filter, records: kept, index: new Map(kept.map((r, i) => [r.id, i])) };
}

const sortedByTime = (records: SpanRecord[]) => [...records].sort(compareByTime);

/** Every list, once per filter (encoding looks for a run in each). */
function listsOf(records: Record<SpanKind, SpanRecord[]>): List[] {
  return (Object.keys(SPAN_KINDS) as SpanKind[]).flatMap((kind) => {
    const sorted = sortedByTime(records[kind]);
    return SPAN_KINDS[kind].map((filter) => listOf(kind, filter, sorted));
  });
}

/** Each list built when first asked for: expanding needs only those its spans name, of the seven (sorting and indexing thousands of records each). */
function listsOnDemand(records: Record<SpanKind, SpanRecord[]>): (kind: SpanKind, filter: string) => List | undefined {
  const sorted = new Map<SpanKind, SpanRecord[]>();
  const built = new Map<string, List>();
  return (kind, filter) => {
    if (!(SPAN_KINDS[kind] as readonly string[]).includes(filter)) return undefined;
    const key = `${kind}.${filter}`;
    if (!built.has(key)) {
      if (!sorted.has(kind)) sorted.set(kind, sortedByTime(records[kind]));
      built.set(key, listOf(kind, filter as Filter, sorted.get(kind)!));
    }
    return built.get(key);
  };
}

export function spanRecordsOf(signals: ParsedSignals): Record<SpanKind, SpanRecord[]> {
  return {
    rating: signals.ratings.map((r) => ({
      id: r.id,
      at: r.at.getTime(),
      rated: {
        responsiveness: r.dimensions?.responsiveness != null,
        delivery: r.dimensions?.delivery != null,
        communication: r.dimensions?.communication != null,
        businessUnderstanding: r.dimensions?.businessUnderstanding != null,
        trust: r.dimensions?.trust != null,
      },
    })),
    interaction: signals.interactions.map((i) => ({ id: i.id, at: i.at.getTime() })),
  };
}

const token = (list: List, last: string, count: number) => `~${list.kind}${list.filter ? `.${list.filter}` : ""}:${last}:${count}`;

/** `ids` with each long run of one list after its first id replaced by a span token. */
function encodeIds(ids: readonly string[], lists: readonly List[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < ids.length) {
    out.push(ids[i]!);
    let best: { list: List; length: number } | null = null;
    for (const list of lists) {
      const start = list.index.get(ids[i]!);
      if (start === undefined) continue;
      let length = 0;
      while (i + length + 1 < ids.length && list.records[start + length + 1]?.id === ids[i + length + 1]) length++;
      if (!best || length > best.length) best = { list, length };
    }
    if (best && best.length >= MIN_RUN) {
      out.push(token(best.list, ids[i + best.length]!, best.length));
      i += best.length + 1;
    } else i++;
  }
  return out;
}

type PhraseFilter = { side: "BUSINESS" | "IT" | "ANY"; op: "eq" | "ge"; stage: (typeof SICK_STAGES)[number] };

/** The hits' records, each once, a quote then its interaction: as the phrase rules list them (lib/scoring/rules/phrases.ts). */
function phraseSources(phrases: readonly PhraseHit[], { side, op, stage }: PhraseFilter): string[] {
  const at = SICK_STAGES.indexOf(stage);
  const ids = new Set<string>();
  for (const h of phrases) {
    const k = SICK_STAGES.indexOf(h.stage);
    if ((side !== "ANY" && h.side !== side) || (op === "eq" ? k !== at : k < at)) continue;
    ids.add(h.source.id);
    if (h.interactionId) ids.add(h.interactionId);
  }
  return [...ids];
}

const PHRASE_FILTERS: PhraseFilter[] = (["BUSINESS", "IT", "ANY"] as const).flatMap((side) =>
  (["eq", "ge"] as const).flatMap((op) => SICK_STAGES.map((stage) => ({ side, op, stage }))),
);
const PHRASE_TOKEN = /^~phrases:(BUSINESS|IT|ANY):(eq|ge):([A-Z_]+)$/;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, k) => id === b[k]);

/** The diagnosis as stored: the same, with span tokens in its evidence's record lists. */
export function encodeSpans(diagnosis: Diagnosis, records: Record<SpanKind, SpanRecord[]>): Diagnosis {
  const lists = listsOf(records);
  const heard = PHRASE_FILTERS.map((filter) => ({ filter, ids: phraseSources(diagnosis.phrases, filter) })).filter((c) => c.ids.length > MIN_RUN);
  const encode = (ids: readonly string[]): string[] => {
    const phrases = ids.length > MIN_RUN ? heard.find((c) => sameList(c.ids, ids)) : undefined;
    if (phrases) return [ids[0]!, `~phrases:${phrases.filter.side}:${phrases.filter.op}:${phrases.filter.stage}`];
    return encodeIds(ids, lists);
  };
  const evidence = diagnosis.evidence.map((e): Evidence => ({ ...e, sourceIds: encode(e.sourceIds) }));
  return { ...diagnosis, evidence };
}

export interface Span {
  kind: SpanKind;
  filter: Filter;
  /** The id before the span (the run's first record) and the span's last. */
  after: string;
  last: string;
  count: number;
}

const TOKEN = /^~(rating|interaction)(?:\.(\w+))?:([^:]+):(\d+)$/;

/** The spans of a stored diagnosis, each with the id before it. */
export function spansOf(diagnosis: Diagnosis): Span[] {
  const spans: Span[] = [];
  for (const e of diagnosis.evidence) {
    e.sourceIds.forEach((id, k) => {
      const m = TOKEN.exec(id);
      if (m && k > 0) spans.push({ kind: m[1] as SpanKind, filter: (m[2] ?? "") as Filter, after: e.sourceIds[k - 1]!, last: m[3]!, count: Number(m[4]) });
    });
  }
  return spans;
}

/** Marks a record of a span that is no longer stored: counted as deleted by the evidence links. */
export const GONE = "gone";

/**
 * The stored diagnosis with its spans expanded, from the records of each span's kind as they were
 * when it was made (`records`: each kind's records between the spans' ends, live at the time). A
 * record missing since (a span shorter than its count) reads as gone, as a deleted id would.
 */
export function expandSpans(diagnosis: Diagnosis, records: Record<SpanKind, SpanRecord[]>): Diagnosis {
  if (!diagnosis.evidence.some((e) => e.sourceIds.some((id) => id.startsWith("~")))) return diagnosis;
  const listFor = listsOnDemand(records);
  const expand = (ids: readonly string[]): string[] => {
    const out: string[] = [];
    ids.forEach((id, k) => {
      const p = PHRASE_TOKEN.exec(id);
      if (p) return void out.push(...phraseSources(diagnosis.phrases, { side: p[1], op: p[2], stage: p[3] } as PhraseFilter).slice(1));
      const m = TOKEN.exec(id);
      if (!m || k === 0) return void out.push(id);
      const filter = m[2] ?? "";
      const list = listFor(m[1] as SpanKind, filter);
      const count = Number(m[4]);
      const from = list?.index.get(ids[k - 1]!);
      const to = list?.index.get(m[3]!);
      const found = list && from !== undefined && to !== undefined && to > from ? list.records.slice(from + 1, to + 1).map((r) => r.id) : [];
      out.push(...found.slice(0, count), ...Array.from({ length: Math.max(0, count - found.length) }, (_, n) => `${GONE}:${id}:${n}`));
    });
    return out;
  };
  return { ...diagnosis, evidence: diagnosis.evidence.map((e) => ({ ...e, sourceIds: expand(e.sourceIds) })) };
}
