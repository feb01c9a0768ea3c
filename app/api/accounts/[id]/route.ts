import { z } from "zod";
import { getAccountSummary } from "@/lib/data/accounts";
import { getLatestDiagnosis } from "@/lib/data/diagnoses";
import { routeHandler } from "@/lib/http/route-handler";
import { idSchema } from "@/lib/validation/fields";
import { accountResponseSchema } from "./response";

/**
 * One account as the caller may see it, parsed through the shape for their access level (so no
 * field the level does not name gets out); IT also gets the latest diagnosis (null, with
 * `diagnosisError`, when it cannot be read).
 */
export const GET = routeHandler({ name: "GET /api/accounts/[id]", params: z.object({ id: idSchema }) }, async ({ actor, params }) => {
  const summary = await getAccountSummary(actor, params.id);
  const latest = summary.access === "full" ? await getLatestDiagnosis(actor, params.id) : null;
  if (latest && !latest.readable) return accountResponseSchema.parse({ ...summary, diagnosis: null, diagnosisError: "The latest diagnosis could not be read." });
  return accountResponseSchema.parse({ ...summary, diagnosis: latest?.readable ? latest.diagnosis : null });
});
