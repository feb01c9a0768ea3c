import { z } from "zod";
import type { EpochReason } from "../generated/prisma/enums";
import { pastDateOnly, trimmed } from "./fields";
import { newRecordFormSchema } from "./record-form";

// A new epoch of a unit's relationship (article 001: death and reincarnation), as the CIO records it.

export const EPOCH_REASONS = ["NEW_IT_LEADERSHIP", "NEW_RELATIONSHIP_MANAGER", "OUTSOURCING_CHANGE", "OTHER"] as const satisfies readonly EpochReason[];

export const EPOCH_REASON_LABELS: Record<EpochReason, string> = {
  NEW_IT_LEADERSHIP: "New IT leadership",
  NEW_RELATIONSHIP_MANAGER: "New relationship manager",
  OUTSOURCING_CHANGE: "Outsourcing change",
  OTHER: "Another fresh start",
};

export const epochInputSchema = z.object({
  startsAt: pastDateOnly("the day the new epoch starts"),
  reasonKind: z.enum(EPOCH_REASONS, { error: "Choose what changed" }),
  reason: trimmed("The reason", 10, 1000),
});

/** The form also asks the CIO to confirm what the new epoch does (a ticked box posts "on"). */
export const addEpochSchema = newRecordFormSchema(epochInputSchema).and(
  z.object({ confirm: z.literal("on", { error: "Confirm that the diagnosis starts over from that day" }) }),
);

export type EpochInput = z.output<typeof epochInputSchema>;
