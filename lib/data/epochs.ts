import "server-only";
import { db } from "../db/client";
import type { EpochReason, Stage } from "../generated/prisma/enums";
import { EPOCH_REASON_LABELS, type EpochInput } from "../validation/epoch";
import { openAccount } from "./accounts";
import type { Tx } from "./audit";
import { currentEpochStart as epochStartIn } from "./epoch-starts";
import { ForbiddenError } from "./errors";
import { epochKind } from "./kinds/epoch";
import { type Actor, managesAccounts } from "./permissions";
import { createRecord, deleteRecord } from "./records";

// Epochs of a unit's relationship (article 001's "death and reincarnation"; decision 023). Only
// the CIO and admins start one, with a reason: it resets the diagnosis' baseline for the unit.
// Whoever may open the account reads when its epochs began; IT also reads why, who recorded them,
// and how each epoch's diagnosis ended.

function assertRecordsEpochs(actor: Actor) {
  if (!managesAccounts(actor)) throw new ForbiddenError("Only the CIO and administrators start a new epoch of a relationship.");
}

/** Starts a new epoch; the account is re-diagnosed in the same transaction, from its new baseline. */
export async function recordEpoch(actor: Actor, accountId: string, input: EpochInput, now = new Date()) {
  assertRecordsEpochs(actor);
  return createRecord(epochKind, actor, accountId, input, now);
}

/** An epoch recorded by mistake leaves (kept in the audit log with the reason); the account is re-diagnosed. */
export async function deleteEpoch(actor: Actor, epochId: string, reason: string, now = new Date()) {
  assertRecordsEpochs(actor);
  return deleteRecord(epochKind, actor, epochId, reason, now);
}

/** When the account's current epoch began, as of `now`; null: no epoch recorded, the whole history counts. */
export async function currentEpochStart(actor: Actor, accountId: string, now = new Date()): Promise<Date | null> {
  await openAccount(actor, accountId);
  return epochStartIn(db() as unknown as Tx, accountId, now);
}

/** How an era's diagnosis stood at its end (for the current one: now). */
export interface EraDiagnosis {
  stage: Stage;
  score: number | null;
  computedAt: Date;
}

export interface Era {
  /** Null for the relationship before its first recorded epoch. */
  id: string | null;
  startsAt: Date | null;
  /** When the next epoch began; null for the current one. */
  endsAt: Date | null;
  reasonKind: EpochReason | null;
  reason: string | null;
  recordedBy: string | null;
  /** The era's last stored diagnosis; null when none was made in it. */
  lastDiagnosis: EraDiagnosis | null;
}

/** A client sees when each epoch began and why in a word, not IT's notes nor its diagnoses. */
export type ClientEpoch = { id: string; startsAt: Date; reasonKind: EpochReason };

const startSelect = { id: true, startsAt: true, reasonKind: true } as const;
const eraSelect = { ...startSelect, reason: true, recordedBy: { select: { name: true } } } as const;

/**
 * Not deleted, oldest first; one dated tomorrow (already today east of Greenwich) is listed, and
 * counts from its day. With `select` as each caller needs: who recorded an epoch is a second
 * statement (Prisma reads a relation on its own), which the chart markers on every account page skip.
 */
async function liveEpochs<S extends typeof startSelect>(accountId: string, select: S) {
  return db().accountEpoch.findMany({ where: { accountId, deletedAt: null }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select });
}

/**
 * The relationship's eras, oldest first: the one before the first epoch (when there are epochs)
 * and each epoch, with its reason and its last diagnosis. IT with full access only (404 otherwise).
 */
export async function listEras(actor: Actor, accountId: string, now = new Date()): Promise<Era[]> {
  await openAccount(actor, accountId, (access) => access === "full");
  const epochs = await liveEpochs(accountId, eraSelect);
  if (epochs.length === 0) return [];
  const eras = [
    { id: null, startsAt: null, reasonKind: null, reason: null, recordedBy: null },
    ...epochs.map(({ recordedBy, ...epoch }) => ({ ...epoch, recordedBy: recordedBy?.name ?? null })),
  ].map((era, index, all) => ({ ...era, endsAt: all[index + 1]?.startsAt ?? null }));
  // A handful of eras, each one indexed lookup (account_id, computed_at).
  const last = await Promise.all(
    eras.map((era) =>
      db().healthSnapshot.findFirst({
        where: { accountId, computedAt: { ...(era.startsAt && { gte: era.startsAt }), lt: era.endsAt ?? undefined, lte: now } },
        orderBy: [{ computedAt: "desc" }, { id: "desc" }],
        select: { stage: true, score: true, computedAt: true },
      }),
    ),
  );
  return eras.map((era, index) => ({ ...era, lastDiagnosis: last[index] ?? null }));
}

/** When each epoch began: for the client's view and for marking the boundaries on charts. */
export async function listEpochStarts(actor: Actor, accountId: string): Promise<ClientEpoch[]> {
  await openAccount(actor, accountId);
  return (await liveEpochs(accountId, startSelect)).map(({ id, startsAt, reasonKind }) => ({ id, startsAt, reasonKind }));
}

/** The label a chart marks an epoch's start with. */
export const epochMarkerLabel = (reasonKind: EpochReason) => `Epoch: ${EPOCH_REASON_LABELS[reasonKind]}`;

/** Epoch starts as chart markers (ScoreLineChart's `markers`), for whoever may open the account. */
export async function listEpochMarkers(actor: Actor, accountId: string): Promise<{ at: string; label: string }[]> {
  return (await listEpochStarts(actor, accountId)).map((epoch) => ({ at: epoch.startsAt.toISOString(), label: epochMarkerLabel(epoch.reasonKind) }));
}
