import "server-only";
import { type Keyset, keysetArgs } from "../keyset";
import type { Actor } from "../permissions";
import { accountScope, type AccountScope, type ListFilter, oneRecord } from "./scope";

type Where = Record<string, unknown>;

export interface ItRecordList<F extends string, R extends { id: string }, T> {
  /** For "not found": "project", "SLA period". */
  label: string;
  /** The non-null time column the list is ordered and filtered by. */
  time: F;
  /** The live rows of one query (the spec's select and its deleted filter). */
  find: (args: { where: Where; orderBy: Record<string, "asc">[]; take: number }) => Promise<R[]>;
  /** The live record's account, or nothing. */
  accountOf: (id: string) => Promise<string | null | undefined>;
  /** A table without account_id joins the scope through its parent (a goal review's goal). */
  scoped?: (scope: AccountScope["where"]) => Where;
  /** The row as the API names it (decimals as numbers, a relation flattened). */
  shape: (row: R) => T;
}

/**
 * The API's reads of one kind of IT record (lib/data/records.ts' kinds): IT with full access to
 * the account only, as on the account's pages (a client or another manager: not found). A keyset
 * page ordered by the record's time and id (up to limit + 1 rows: the extra one says more
 * follow), and one record through that same query.
 */
export function itRecordList<F extends string, R extends { id: string }, T>(spec: ItRecordList<F, R, T>) {
  async function list(actor: Actor, keyset: Keyset, filter: ListFilter = {}): Promise<T[]> {
    const scope = await accountScope(actor, filter.accountId, { clients: false });
    const page = keysetArgs(spec.time, keyset);
    const where = { AND: [spec.scoped ? spec.scoped(scope.where) : scope.where, page.where, filter.id ? { id: filter.id } : {}] };
    const rows = await spec.find({ where, orderBy: page.orderBy, take: page.take });
    return rows.map(spec.shape);
  }
  const get = (actor: Actor, recordId: string) =>
    oneRecord(spec.label, recordId, spec.accountOf, (accountId, id) => list(actor, { limit: 1 }, { accountId, id }));
  return { list, get };
}
