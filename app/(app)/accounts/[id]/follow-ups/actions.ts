"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { stageChangeText } from "@/lib/actions/record-form";
import type { StageChange } from "@/lib/data/account-write";
import { completeFollowUp, deleteFollowUp, updateFollowUp } from "@/lib/data/follow-ups";
import { idSchema } from "@/lib/validation/fields";
import { followUpInputSchema } from "@/lib/validation/interaction";
import { deleteRecordFormSchema, editRecordFormSchema } from "@/lib/validation/record-form";

/** The account's pages (its header shows the stage) and the portfolio show the new diagnosis. */
function refresh(change: StageChange) {
  revalidatePath(`/accounts/${change.accountId}`, "layout");
  revalidatePath("/dashboard");
}

export const completeFollowUpAction = formAction(
  "completeFollowUp",
  z.object({ followUpId: idSchema }),
  async (actor, { followUpId }) => {
    const done = await completeFollowUp(actor, followUpId);
    revalidatePath(`/accounts/${done.accountId}`, "layout");
    revalidatePath("/dashboard");
    // Marked done from the worklist too: it leaves the list at once.
    revalidatePath("/worklist");
    return done;
  },
  ({ description, already }) => ({ notice: already ? `“${description}” was already marked done.` : `Marked done: “${description}”.` }),
);

export const updateFollowUpAction = formAction(
  "updateFollowUp",
  editRecordFormSchema(followUpInputSchema),
  async (actor, { recordId, ...input }) => {
    const written = await updateFollowUp(actor, recordId, input);
    refresh(written.change);
    return written;
  },
  ({ result, change }) => ({
    notice: result.changed === 0 ? "Nothing changed in the follow-up." : `Follow-up corrected: ${stageChangeText(change)}`,
    redirectTo: `/accounts/${change.accountId}/record/${result.id}`,
  }),
);

export const deleteFollowUpAction = formAction(
  "deleteFollowUp",
  deleteRecordFormSchema,
  async (actor, { recordId, reason }) => {
    const written = await deleteFollowUp(actor, recordId, reason);
    refresh(written.change);
    return written;
  },
  ({ change }) => ({ notice: `Follow-up deleted: ${stageChangeText(change)}`, redirectTo: `/accounts/${change.accountId}` }),
);
