"use server";
import { formAction } from "@/lib/actions/form-action";
import { requestPhraseRedetection } from "@/lib/data/phrase-redetection";
import { QUEUED_NOTICE, redetectSchema } from "./redetect-schema";

export const redetectPhrasesAction = formAction(
  "redetectPhrases",
  redetectSchema,
  (actor) => requestPhraseRedetection(actor),
  // The page says it too (`queued`): a redirect to the same page shows no toast until the next navigation.
  ({ taskRunId }) => ({ notice: QUEUED_NOTICE, redirectTo: `/admin/tasks?queued=${taskRunId}#run-${taskRunId}` }),
);
