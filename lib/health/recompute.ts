import type { Tx } from "../data/audit";
import type { Prisma } from "../generated/prisma/client";
import { type Diagnosis, diagnose } from "../scoring";
import { loadAccountSignals } from "./signals";

/** Prior diagnoses the library weighs for hysteresis and trend. */
const HISTORY_ENTRIES = 24;

/**
 * Diagnoses the account as of `now`, stores the diagnosis as a health snapshot and updates the
 * account's current health summary. Runs inside the caller's transaction, in the same request as
 * the write that changed the account's signals.
 */
export async function recomputeAccountHealth(tx: Tx, accountId: string, now: Date): Promise<Diagnosis> {
  const [signals, history] = await Promise.all([
    loadAccountSignals(tx, accountId, now),
    tx.healthSnapshot.findMany({
      where: { accountId, computedAt: { lte: now } },
      orderBy: { computedAt: "desc" },
      take: HISTORY_ENTRIES,
      select: { computedAt: true, stage: true, score: true },
    }),
  ]);
  const diagnosis = diagnose(signals, {
    now,
    history: history.map((entry) => ({ at: entry.computedAt, stage: entry.stage, score: entry.score })),
  });

  await tx.healthSnapshot.create({
    data: {
      accountId,
      stage: diagnosis.stage,
      score: diagnosis.score,
      confidence: diagnosis.confidence,
      evidence: diagnosis as unknown as Prisma.InputJsonValue,
      computedAt: now,
    },
  });
  await tx.account.update({
    where: { id: accountId },
    data: {
      healthStage: diagnosis.stage,
      healthScore: diagnosis.score,
      healthConfidence: diagnosis.confidence,
      healthSince: new Date(diagnosis.stageSince),
      healthComputedAt: now,
    },
  });
  return diagnosis;
}
