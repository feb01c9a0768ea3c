import "server-only";
import type { Diagnosis } from "../scoring";
import { idSchema } from "../validation/fields";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";
import type { RecordType } from "../validation/history";
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

/** Every record a diagnosis points at: its evidence's records and where each phrase was heard. */
function sourceIdsOf(diagnosis: Diagnosis): string[] {
  const ids = new Set<string>();
  for (const item of diagnosis.evidence) for (const id of item.sourceIds) ids.add(id);
  for (const hit of diagnosis.phrases) {
    ids.add(hit.source.id);
    if (hit.interactionId) ids.add(hit.interactionId);
  }
  return [...ids].filter((id) => idSchema.safeParse(id).success);
}

/**
 * Names and links for the records behind an account's diagnoses (IT only, like the diagnosis):
 * one query per kind of record for them all (the current one and the one it is compared with),
 * not one per link. Records of another account, deleted or withdrawn ones are left out.
 */
export async function getEvidenceSources(actor: Actor, accountId: string, ...diagnoses: (Diagnosis | null)[]): Promise<EvidenceSources> {
  await openAccount(actor, accountId, canLogInteraction);
  const ids = [...new Set(diagnoses.flatMap((diagnosis) => (diagnosis ? sourceIdsOf(diagnosis) : [])))];
  if (ids.length === 0) return {};
  const named = await nameRecords(ids, { live: true });
  return Object.fromEntries(
    named.filter((record) => record.accountId === accountId).map(({ id, entityType, name, href }) => [id, { entityType, name, href }]),
  );
}
