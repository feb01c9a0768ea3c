import "server-only";
import { idSchema } from "../../validation/fields";
import { ForbiddenError, NotFoundError } from "../errors";

// The API lists' account scope is the exports' (lib/data/exports/scope.ts): one rule for every
// list that leaves the app.
export { exportScope as accountScope, type ExportScope as AccountScope } from "../exports/scope";

/** A list's filters besides the keyset: one account, or one record (the single-record read). */
export interface ListFilter {
  accountId?: string;
  id?: string;
}

/**
 * One record by id through its list: the record's account (null: no such live record) decides
 * the scope, and a record the actor may not see is "not found", named as the record.
 */
export async function oneRecord<T>(
  label: string,
  recordId: string,
  accountOf: (id: string) => Promise<string | null | undefined>,
  read: (accountId: string, id: string) => Promise<T[]>,
): Promise<T> {
  const id = idSchema.safeParse(recordId);
  const accountId = id.success ? await accountOf(id.data) : null;
  if (!id.success || !accountId) throw new NotFoundError(label);
  const rows = await read(accountId, id.data).catch((error: unknown) => {
    throw error instanceof NotFoundError || error instanceof ForbiddenError ? new NotFoundError(label) : error;
  });
  const row = rows[0];
  if (!row) throw new NotFoundError(label);
  return row;
}
