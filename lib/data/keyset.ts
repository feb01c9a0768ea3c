// A page of rows in (time, id) order for the API's cursor lists (decision 029): rows after the
// cursor's key, within since/until, one more than the limit (so the caller knows if more follow).
// Pure: each list function puts the where clause on its own time column.

export interface Keyset {
  limit: number;
  after?: { at: Date; id: string };
  since?: Date;
  until?: Date;
}

/** The where clause and ordering of one keyset page over `field` and id. */
export function keysetArgs<F extends string>(field: F, keyset: Keyset) {
  const range = { ...(keyset.since && { gte: keyset.since }), ...(keyset.until && { lt: keyset.until }) };
  const after = keyset.after && { OR: [{ [field]: { gt: keyset.after.at } }, { [field]: keyset.after.at, id: { gt: keyset.after.id } }] };
  return {
    where: { AND: [...(Object.keys(range).length ? [{ [field]: range }] : []), ...(after ? [after] : [])] },
    orderBy: [{ [field]: "asc" as const }, { id: "asc" as const }],
    take: keyset.limit + 1,
  };
}
