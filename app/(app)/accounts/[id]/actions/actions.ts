"use server";
import { formAction } from "@/lib/actions/form-action";
import { refreshActionPages } from "@/lib/actions/actions-refresh";
import { closeAction, createAction, updateAction } from "@/lib/data/actions";
import { formatDate } from "@/lib/format";
import { closeActionSchema, editActionSchema, newActionSchema } from "@/lib/validation/action";

export const createActionAction = formAction(
  "action.create",
  newActionSchema,
  async (actor, input) => {
    const created = await createAction(actor, input);
    refreshActionPages(created.accountId);
    return created;
  },
  (_created, input) => ({ notice: `Action planned: “${input.title}”, due ${formatDate(input.dueDate)}.` }),
);

export const updateActionAction = formAction(
  "action.update",
  editActionSchema,
  async (actor, input) => {
    const updated = await updateAction(actor, input);
    refreshActionPages(updated.accountId);
    return updated;
  },
  ({ changed }, input) => ({ notice: changed === 0 ? "Nothing changed in the action." : `Action updated: “${input.title}”.` }),
);

export const closeActionAction = formAction(
  "action.close",
  closeActionSchema,
  async (actor, input) => {
    const closed = await closeAction(actor, input);
    refreshActionPages(closed.accountId);
    return closed;
  },
  ({ status }, input) => ({
    notice: status === "DONE" ? `Action done${input.visibleToClient ? ": the client sees it under “You said, we did”" : ""}.` : "Action dropped.",
  }),
);
