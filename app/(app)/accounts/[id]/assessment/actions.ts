"use server";
import { recordFormActions } from "@/lib/actions/record-form";
import { itAssessmentKind } from "@/lib/data/kinds/it-assessment";

const actions = recordFormActions(itAssessmentKind, "Assessment");
export const createItAssessmentAction = actions.create;
export const updateItAssessmentAction = actions.update;
export const deleteItAssessmentAction = actions.remove;
