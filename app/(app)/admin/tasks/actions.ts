"use server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { requestPhraseRedetection } from "@/lib/data/phrase-redetection";

export const redetectPhrasesAction = formAction(
  "redetectPhrases",
  z.object({ confirm: z.literal("on", { error: "Tick the box to confirm: every stored text is re-read and accounts may change stage." }) }),
  (actor) => requestPhraseRedetection(actor),
  () => ({ notice: "Re-detection queued: every stored note, quote and comment is re-read, then the accounts whose phrases changed are re-diagnosed.", redirectTo: "/admin/tasks#runs" }),
);
