// Every list in the model is in time order, then id order: the output must never depend on the
// order the records came in.

function compareByTime(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const INDEX_SLOTS = 2 ** 11;

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
  if (n >= INDEX_SLOTS || !list.every((r) => r.at >= 0 && Number.isSafeInteger(r.at * INDEX_SLOTS + n))) {
    return list.sort(compareByTime);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = list[i]!.at * INDEX_SLOTS + i;
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = list[keys[i]! % INDEX_SLOTS]!;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && out[end]!.at === out[start]!.at) end++;
    if (end - start > 1) {
      const run = out.slice(start, end).sort(compareByTime);
      for (let k = 0; k < run.length; k++) out[start + k] = run[k]!;
    }
    start = end;
  }
  return out;
}
