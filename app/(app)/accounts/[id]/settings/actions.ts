"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { stageChangeText } from "@/lib/actions/record-form";
import { addCoreSystem, assignManager, deleteCoreSystem, editCoreSystem, setAccountArchived, updateAccount } from "@/lib/data/account-admin";
import { accountRefSchema, accountUpdateInputSchema, assignManagerInputSchema } from "@/lib/validation/account";
import { addCoreSystemSchema, editCoreSystemSchema } from "@/lib/validation/core-system";
import { deleteRecordFormSchema } from "@/lib/validation/record-form";

// Thin: each validates through formAction and calls the data layer, which lets only the CIO and
// admins manage a unit. Every write re-diagnoses the unit, so its pages and the portfolio refresh.

function refresh<T extends { change: { accountId: string } }>(written: T): T {
  revalidatePath(`/accounts/${written.change.accountId}`, "layout");
  revalidatePath("/dashboard");
  return written;
}

const FIELD_NAMES: Record<string, string> = {
  name: "name",
  description: "description",
  criticality: "criticality",
  meetingCadenceDays: "meeting cadence",
  sponsorContactId: "sponsor",
};

export const updateAccountAction = formAction(
  "updateAccount",
  accountUpdateInputSchema,
  async (actor, input) => refresh(await updateAccount(actor, input)),
  ({ result, change }) => ({
    notice: result.changed.length
      ? `Saved the ${result.changed.map((field) => FIELD_NAMES[field] ?? field).join(", ")}: ${stageChangeText(change)}`
      : "Nothing changed in the unit's details.",
  }),
);

export const assignManagerAction = formAction(
  "assignManager",
  assignManagerInputSchema,
  async (actor, { accountId, managerId }) => refresh(await assignManager(actor, accountId, managerId)),
  ({ result, change }) => ({
    notice: !result.changed
      ? "Nothing changed: that is the unit's relationship manager already."
      : result.managerName
        ? `${result.managerName} is now the relationship manager of ${change.accountName}.`
        : `${change.accountName} has no relationship manager now: the portfolio flags it.`,
  }),
);

export const archiveAccountAction = formAction(
  "archiveAccount",
  accountRefSchema,
  async (actor, { accountId }) => refresh(await setAccountArchived(actor, accountId, true)),
  ({ change }) => ({ notice: `${change.accountName} archived: it has left the portfolio, and its history stays here.` }),
);

export const unarchiveAccountAction = formAction(
  "unarchiveAccount",
  accountRefSchema,
  async (actor, { accountId }) => refresh(await setAccountArchived(actor, accountId, false)),
  ({ change }) => ({ notice: `${change.accountName} is back on the portfolio.` }),
);

export const addCoreSystemAction = formAction(
  "addCoreSystem",
  addCoreSystemSchema,
  async (actor, { accountId, ...input }) => refresh(await addCoreSystem(actor, accountId, input)),
  ({ change }, input) => ({ notice: `Core system ${input.name} added: ${stageChangeText(change)}` }),
);

export const editCoreSystemAction = formAction(
  "editCoreSystem",
  editCoreSystemSchema,
  async (actor, { recordId, ...input }) => refresh(await editCoreSystem(actor, recordId, input)),
  ({ result, change }, input) => ({
    notice: result.changed ? `Core system ${input.name} saved: ${stageChangeText(change)}` : "Nothing changed in the core system.",
  }),
);

export const deleteCoreSystemAction = formAction(
  "deleteCoreSystem",
  deleteRecordFormSchema,
  async (actor, { recordId, reason }) => refresh(await deleteCoreSystem(actor, recordId, reason)),
  ({ change }) => ({ notice: `Core system deleted: ${stageChangeText(change)}` }),
);
