// Every list in the model is in time order, then id order: the output must never depend on the
// order the records came in.

function compareByTime(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const INDEX_SLOTS = 2 ** 11;
/** Runs of equal times up to this long are put in id order by insertion, longer ones by `sort`. */
const SHORT_RUN = 16;
/** The latest time that packs exactly: (2⁴² − 1) × 2¹¹ + an index below 2¹¹ ≤ 2⁵³ − 1. */
const LAST_PACKABLE = 2 ** 42 - 1;

/** Whether every time is a whole number of milliseconds that packs exactly. */
function packable(list: readonly { at: number }[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const at = list[i]!.at;
    if (!(at >= 0 && at <= LAST_PACKABLE && Math.floor(at) === at)) return false;
  }
  return true;
}

/**
 * The keys of every sort, reused: allocating a typed array costs more than filling it, and
 * `byTime` is synchronous, so no two calls share it at once.
 */
const scratch = new Float64Array(INDEX_SLOTS);

/** Lists up to this long are sorted by insertion: a typed array's `sort` costs more below it. */
const SHORT_LIST = 32;

/** Sorts the first `n` keys of `scratch` (distinct numbers: each carries its index). */
function sortKeys(n: number): void {
  if (n > SHORT_LIST) {
    scratch.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = scratch[i]!;
    let j = i - 1;
    while (j >= 0 && scratch[j]! > key) {
      scratch[j + 1] = scratch[j]!;
      j--;
    }
    scratch[j + 1] = key;
  }
}

/**
 * Time order, then id. Sorting is the biggest cost of building the model, so times are sorted as
 * numbers with the record's index packed into the low bits (exact: epoch milliseconds × 2¹¹ stays
 * below 2⁵³), then the rare runs of equal times are put in id order.
 */
export function byTime<T extends { at: number; id: string }>(list: T[]): T[] {
  const n = list.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = compareByTime(list[i - 1]!, list[i]!) <= 0;
  if (sorted) return list;
  if (n >= INDEX_SLOTS || !packable(list)) return list.sort(compareByTime);
  for (let i = 0; i < n; i++) scratch[i] = list[i]!.at * INDEX_SLOTS + i;
  sortKeys(n);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    // The low bits back: exact, and much cheaper than `%` on doubles (a floating-point remainder).
    const key = scratch[i]!;
    out[i] = list[key - Math.floor(key / INDEX_SLOTS) * INDEX_SLOTS]!;
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && out[end]!.at === out[start]!.at) end++;
    if (end - start > SHORT_RUN) {
      const run = out.slice(start, end).sort(compareByTime);
      for (let k = 0; k < run.length; k++) out[start + k] = run[k]!;
      start = end;
      continue;
    }
    // Runs are mostly short (SLA periods of a few systems ending on one day): sorted in place by
    // insertion, stable as `sort` is, without copying each run out and back.
    for (let i = start + 1; i < end; i++) {
      const item = out[i]!;
      let j = i - 1;
      while (j >= start && compareByTime(out[j]!, item) > 0) {
        out[j + 1] = out[j]!;
        j--;
      }
      out[j + 1] = item;
    }
    start = end;
  }
  return out;
}
