"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { stageChangeText } from "@/lib/actions/record-form";
import type { StageChange } from "@/lib/data/account-write";
import { deleteInteraction, updateInteraction } from "@/lib/data/interactions";
import { interactionEditSchema } from "@/lib/validation/interaction";
import { deleteRecordFormSchema } from "@/lib/validation/record-form";

/** The account's pages (its header shows the stage) and the portfolio show the new diagnosis. */
function refresh(change: StageChange) {
  revalidatePath(`/accounts/${change.accountId}`, "layout");
  revalidatePath("/dashboard");
}

export const updateInteractionAction = formAction(
  "updateInteraction",
  interactionEditSchema,
  async (actor, input) => {
    const written = await updateInteraction(actor, input);
    refresh(written.change);
    return written;
  },
  ({ result, change }) => ({
    notice: result.changed === 0 ? "Nothing changed in the interaction." : `Interaction corrected: ${stageChangeText(change)}`,
    // Back to the interaction on the timeline, however old it is.
    redirectTo: `/accounts/${change.accountId}/record/${result.id}`,
  }),
);

export const deleteInteractionAction = formAction(
  "deleteInteraction",
  deleteRecordFormSchema,
  async (actor, { recordId, reason }) => {
    const written = await deleteInteraction(actor, recordId, reason);
    refresh(written.change);
    return written;
  },
  ({ change }) => ({ notice: `Interaction deleted, with its quotes and follow-ups: ${stageChangeText(change)}`, redirectTo: `/accounts/${change.accountId}` }),
);
