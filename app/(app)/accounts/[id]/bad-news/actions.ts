"use server";
import { recordFormActions } from "@/lib/actions/record-form";
import { badNewsKind } from "@/lib/data/kinds/bad-news";

const actions = recordFormActions(badNewsKind, "Bad news");
export const createBadNewsAction = actions.create;
export const updateBadNewsAction = actions.update;
export const deleteBadNewsAction = actions.remove;
