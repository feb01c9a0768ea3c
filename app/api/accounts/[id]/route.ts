import { z } from "zod";
import { getAccountSummary, getLatestDiagnosis } from "@/lib/data/accounts";
import { routeHandler } from "@/lib/http/route-handler";
import { toDiagnosis } from "@/lib/health/snapshot";
import { idSchema } from "@/lib/validation/fields";

/** One account as the caller may see it; IT also gets the latest diagnosis. */
export const GET = routeHandler({ name: "GET /api/accounts/[id]", params: z.object({ id: idSchema }) }, async ({ actor, params }) => {
  const summary = await getAccountSummary(actor, params.id);
  const snapshot = summary.access === "full" ? await getLatestDiagnosis(actor, params.id) : null;
  return { ...summary, diagnosis: snapshot ? toDiagnosis(snapshot.evidence) : null };
});
