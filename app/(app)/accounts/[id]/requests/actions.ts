"use server";
import { recordFormActions } from "@/lib/actions/record-form";
import { declinedRequestKind } from "@/lib/data/kinds/declined-request";

const actions = recordFormActions(declinedRequestKind, "Declined request");
export const createDeclinedRequestAction = actions.create;
export const updateDeclinedRequestAction = actions.update;
export const deleteDeclinedRequestAction = actions.remove;
