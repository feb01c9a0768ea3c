import "server-only";
import type { Diagnosis } from "../scoring";
import { idSchema } from "../validation/fields";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";
import type { RecordType } from "../validation/history";
import { shownRecordIds } from "./evidence-shown";
import { nameRecords } from "./record-names";

export interface EvidenceSource {
  entityType: RecordType;
  /** "Meeting, 3 Mar 2026: Quarterly review". */
  name: string;
  /** Lands on the record however old it is. */
  href: string;
}

/** By record id. An id missing here names a record deleted since the diagnosis was stored. */
export type EvidenceSources = Record<string, EvidenceSource>;

/**
 * Names and links for the records an account's diagnosis shows (IT only, like the diagnosis): the
 * current one and the one it is compared with, as far as the page lists them (evidence-shown.ts:
 * a bounded number per piece of evidence, not the thousands of ratings behind one), in one query
 * per kind of record, not one per link. Records of another account, deleted or withdrawn ones are
 * left out.
 */
export async function getEvidenceSources(actor: Actor, accountId: string, current: Diagnosis | null, previous: Diagnosis | null = null): Promise<EvidenceSources> {
  await openAccount(actor, accountId, canLogInteraction);
  if (!current) return {};
  const ids = shownRecordIds(current, previous).filter((id) => idSchema.safeParse(id).success);
  if (ids.length === 0) return {};
  const named = await nameRecords(ids, { live: true });
  return Object.fromEntries(
    named.filter((record) => record.accountId === accountId).map(({ id, entityType, name, href }) => [id, { entityType, name, href }]),
  );
}
