"use server";
import { recordFormActions, recordUpdateAction } from "@/lib/actions/record-form";
import { analystLayerCountKind } from "@/lib/data/kinds/analyst-layer-count";
import { structuralEventKind, structuralEventResolutionKind } from "@/lib/data/kinds/structural-event";

const layers = recordFormActions(analystLayerCountKind, "Analyst layer count");
export const createLayerCountAction = layers.create;
export const updateLayerCountAction = layers.update;
export const deleteLayerCountAction = layers.remove;

const events = recordFormActions(structuralEventKind, "Structural event");
export const createStructuralEventAction = events.create;
export const updateStructuralEventAction = events.update;
export const deleteStructuralEventAction = events.remove;
export const resolveStructuralEventAction = recordUpdateAction(structuralEventResolutionKind, "Structural event", "marked resolved");
