"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { logInteraction } from "@/lib/data/interactions";
import { STAGE_LABELS } from "@/lib/scoring";
import { interactionInputSchema } from "@/lib/validation/interaction";

export const logInteractionAction = formAction(
  "logInteraction",
  interactionInputSchema,
  async (actor, input) => {
    const result = await logInteraction(actor, input);
    revalidatePath(`/accounts/${input.accountId}`);
    revalidatePath("/dashboard");
    return { ...result, accountId: input.accountId };
  },
  (result) => `Interaction saved. The account is now diagnosed as ${STAGE_LABELS[result.stage].toLowerCase()}.`,
);
