"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { stageChangeText } from "@/lib/actions/record-form";
import { logInteraction } from "@/lib/data/interactions";
import { interactionInputSchema } from "@/lib/validation/interaction";

export const logInteractionAction = formAction(
  "logInteraction",
  interactionInputSchema,
  async (actor, input) => {
    const result = await logInteraction(actor, input);
    revalidatePath(`/accounts/${input.accountId}`, "layout");
    revalidatePath("/dashboard");
    return result;
  },
  (result, input) => ({
    notice: `Interaction saved: ${stageChangeText({ accountId: input.accountId, accountName: result.accountName, from: result.previousStage, to: result.stage })}`,
    redirectTo: `/accounts/${input.accountId}#record-${result.id}`,
  }),
);
