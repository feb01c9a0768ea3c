"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { stageChangeText } from "@/lib/actions/record-form";
import type { StageChange } from "@/lib/data/account-write";
import { deleteEpoch, recordEpoch } from "@/lib/data/epochs";
import { formatDate } from "@/lib/format";
import { addEpochSchema, EPOCH_REASON_LABELS } from "@/lib/validation/epoch";
import { deleteRecordFormSchema } from "@/lib/validation/record-form";

/** The account's pages and the portfolio show the diagnosis from the new baseline. */
function refresh({ accountId }: StageChange) {
  revalidatePath(`/accounts/${accountId}`, "layout");
  revalidatePath("/dashboard");
}

export const recordEpochAction = formAction(
  "accountEpoch.create",
  addEpochSchema,
  async (actor, { accountId, confirm: _confirmed, ...input }) => {
    const written = await recordEpoch(actor, accountId, input);
    refresh(written.change);
    return written;
  },
  ({ change }, { startsAt, reasonKind }) => ({
    notice: `New epoch from ${formatDate(startsAt)} (${EPOCH_REASON_LABELS[reasonKind]}): the diagnosis reads from that day on. ${stageChangeText(change)}.`,
  }),
);

export const deleteEpochAction = formAction(
  "accountEpoch.delete",
  deleteRecordFormSchema,
  async (actor, { recordId, reason }) => {
    const written = await deleteEpoch(actor, recordId, reason);
    refresh(written.change);
    return written;
  },
  ({ change }) => ({ notice: `Epoch deleted: the diagnosis reads from the epoch before. ${stageChangeText(change)}.` }),
);
