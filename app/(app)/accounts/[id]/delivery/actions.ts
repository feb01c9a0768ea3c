"use server";
import { recordFormActions } from "@/lib/actions/record-form";
import { projectKind } from "@/lib/data/kinds/project";

const actions = recordFormActions(projectKind, "Project");
export const createProjectAction = actions.create;
export const updateProjectAction = actions.update;
export const deleteProjectAction = actions.remove;
