import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { StageChange } from "../data/account-write";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../data/records";
import { STAGE_LABELS } from "../scoring";
import { deleteRecordFormSchema, editRecordFormSchema, newRecordFormSchema } from "../validation/record-form";
import { formAction, type FormActionFn } from "./form-action";

/** "Finance moved from Healthy to Flu" or "Finance stays at Healthy": what a save did to the diagnosis. */
export function stageChangeText({ accountName, from, to }: StageChange): string {
  return from === to ? `${accountName} stays at ${STAGE_LABELS[to]}` : `${accountName} moved from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}`;
}

/** The account's pages (the header shows its stage) and the portfolio show the new diagnosis. */
function refresh(change: StageChange) {
  revalidatePath(`/accounts/${change.accountId}`, "layout");
  revalidatePath("/dashboard");
}

type RecordSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * The three form actions of a kind of IT record: add one to an account, correct one, delete one
 * with a reason. Each stays on the page and says what the save did to the account's stage
 * ("Bad news saved: Finance moved from Healthy to Flu"). `noun` starts the notice.
 */
export function recordFormActions<S extends RecordSchema>(kind: RecordKind<S>, noun: string): Record<"create" | "update" | "remove", FormActionFn> {
  const name = kind.entityType.charAt(0).toLowerCase() + kind.entityType.slice(1);
  return {
    create: formAction(
      `${name}.create`,
      newRecordFormSchema(kind.schema),
      async (actor, { accountId, ...input }) => {
        const written = await createRecord(kind, actor, accountId, input as z.output<S>);
        refresh(written.change);
        return written;
      },
      ({ change }) => ({ notice: `${noun} saved: ${stageChangeText(change)}` }),
    ),
    update: recordUpdateAction(kind, noun),
    remove: formAction(
      `${name}.delete`,
      deleteRecordFormSchema,
      async (actor, { recordId, reason }) => {
        const written = await deleteRecord(kind, actor, recordId, reason);
        refresh(written.change);
        return written;
      },
      ({ change }) => ({ notice: `${noun} deleted: ${stageChangeText(change)}` }),
    ),
  };
}

/** A correction of one record; also for kinds that correct a part of a record ("mark resolved"). */
export function recordUpdateAction<S extends RecordSchema>(kind: RecordKind<S>, noun: string, verb = "updated"): FormActionFn {
  const name = kind.entityType.charAt(0).toLowerCase() + kind.entityType.slice(1);
  return formAction(
    `${name}.update`,
    editRecordFormSchema(kind.schema),
    async (actor, { recordId, ...input }) => {
      const written = await updateRecord(kind, actor, recordId, input as z.output<S>);
      refresh(written.change);
      return written;
    },
    ({ result, change }) => ({ notice: result.changed === 0 ? `Nothing changed in the ${kind.label}.` : `${noun} ${verb}: ${stageChangeText(change)}` }),
  );
}
