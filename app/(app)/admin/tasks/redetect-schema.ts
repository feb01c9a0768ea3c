import { z } from "zod";

/** "Re-detect phrases now" needs its box ticked: checked in the browser, and again by the action. */
export const redetectSchema = z.object({
  confirm: z.literal("on", { error: "Tick the box to confirm: every stored text is re-read and accounts may change stage." }),
});

export const QUEUED_NOTICE = "Re-detection queued: every stored note, quote and comment is re-read, then the accounts whose phrases changed are re-diagnosed.";
