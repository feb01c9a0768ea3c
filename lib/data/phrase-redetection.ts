import "server-only";
import { db } from "../db/client";
import { enqueueJob } from "../jobs";
import { PHRASE_ENGINE_VERSION } from "../scoring";
import { recordAudit } from "./audit";
import { ForbiddenError } from "./errors";
import type { Actor } from "./permissions";
import { finishTaskRun, startTaskRun } from "./task-runs";

// An admin asks for every stored text to be re-detected now (the job also runs by itself at
// server start when the phrase engine changed). The run is queued in task_runs first, so the
// background work page shows it at once; the job takes it over when it starts.

/** Queues the redetect-phrases job; returns its task run. Admins only. */
export async function requestPhraseRedetection(actor: Actor): Promise<{ taskRunId: string }> {
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only an administrator can re-detect phrases");
  const run = await db().$transaction(async (tx) => {
    await recordAudit(tx, { actorId: actor.id, action: "phrases.redetectRequested", entityType: "TaskRun", entityId: "redetect-phrases", details: { engineVersion: PHRASE_ENGINE_VERSION } });
    return startTaskRun(tx, { kind: "redetect-phrases", createdById: actor.id, detail: { engineVersion: PHRASE_ENGINE_VERSION } });
  });
  try {
    await enqueueJob("redetect-phrases", {});
  } catch (error) {
    console.error("[phrases] could not queue the re-detection:", error);
    await finishTaskRun(db(), run.id, { status: "FAILED", error: "The re-detection could not be queued; try again" });
  }
  return { taskRunId: run.id };
}
