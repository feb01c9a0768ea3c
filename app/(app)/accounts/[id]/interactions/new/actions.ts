"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { logInteraction } from "@/lib/data/interactions";
import { STAGE_LABELS, type Stage } from "@/lib/scoring";
import { interactionInputSchema } from "@/lib/validation/interaction";

/** "Sales moved from Flu to Pneumonia" or "Sales stays at Flu". */
function stageChangeText(account: string, from: Stage, to: Stage): string {
  return from === to ? `${account} stays at ${STAGE_LABELS[to]}` : `${account} moved from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}`;
}

export const logInteractionAction = formAction(
  "logInteraction",
  interactionInputSchema,
  async (actor, input) => {
    const result = await logInteraction(actor, input);
    revalidatePath(`/accounts/${input.accountId}`);
    revalidatePath("/dashboard");
    return result;
  },
  (result, input) => ({
    notice: `Interaction saved: ${stageChangeText(result.accountName, result.previousStage, result.stage)}`,
    redirectTo: `/accounts/${input.accountId}#record-${result.id}`,
  }),
);
