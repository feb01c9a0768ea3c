import "server-only";
import { openAccount } from "./accounts";
import { NotFoundError } from "./errors";
import { type Actor, canLogInteraction } from "./permissions";

/**
 * For reads of one of IT's records by id (the edit pages): the record exists, is not deleted, and
 * the caller has full access to its account. Anything else is "not found", named as the record.
 */
export async function visibleRecord<T extends { accountId: string }>(actor: Actor, row: T | null, label: string): Promise<T> {
  if (!row) throw new NotFoundError(label);
  try {
    await openAccount(actor, row.accountId, canLogInteraction);
  } catch (error) {
    throw error instanceof NotFoundError ? new NotFoundError(label) : error;
  }
  return row;
}
