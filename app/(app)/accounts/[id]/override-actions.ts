"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { endStageOverride, setStageOverride } from "@/lib/data/stage-overrides";
import { formatDate } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/scoring";
import { endStageOverrideSchema, lastDayOf, setStageOverrideSchema } from "@/lib/validation/stage-override";

// Thin: each validates through formAction and calls the data layer, which checks the caller's
// access to the account. The header of every account page and the portfolio show overrides.

function refresh<T>(accountId: string, result: T): T {
  revalidatePath(`/accounts/${accountId}`, "layout");
  revalidatePath("/dashboard");
  return result;
}

export const setStageOverrideAction = formAction(
  "setStageOverride",
  setStageOverrideSchema,
  async (actor, input) => refresh(input.accountId, await setStageOverride(actor, input)),
  ({ accountName, computedStage, override, replaced }) => ({
    notice:
      `Override set on ${accountName}: ${STAGE_LABELS[override.stage]} until ${formatDate(lastDayOf(override.expiresAt))}, ` +
      `shown beside the computed stage (${STAGE_LABELS[computedStage]}).` +
      (replaced ? ` It ends the earlier ${STAGE_LABELS[replaced.stage]} override.` : ""),
  }),
);

export const endStageOverrideAction = formAction(
  "endStageOverride",
  endStageOverrideSchema,
  async (actor, { overrideId, reason }) => {
    const ended = await endStageOverride(actor, overrideId, reason);
    return refresh(ended.accountId, ended);
  },
  ({ accountName, computedStage, stage }) => ({
    notice: `The ${STAGE_LABELS[stage]} override on ${accountName} has ended: the computed stage (${STAGE_LABELS[computedStage]}) stands alone again.`,
  }),
);
