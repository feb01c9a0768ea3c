import { z } from "zod";
import { NotFoundError } from "../../../data/errors";
import { getLatestDiagnosis, getScoreHistory } from "../../../data/diagnoses";
import { Stage } from "../../../generated/prisma/enums";
import { diagnosisSchema } from "../../../scoring/diagnosis-schema";
import { defineOperation } from "../operation";
import { keysetOf, listQuerySchema, pageOf, pageSchema } from "../pagination";
import { accountIdParams, timestamp } from "../schemas";

// Each unit's latest diagnosis (the scoring library's own format, validated by its schema) and
// its score history over the last year: IT with full access to the unit, as on the account page.

const latestSchema = z
  .object({
    snapshotId: z.string(),
    computedAt: timestamp,
    readable: z.boolean().meta({ description: "False when the stored diagnosis no longer reads (then diagnosis is null and reason says why)." }),
    diagnosis: diagnosisSchema.nullable(),
    reason: z.string().optional(),
  })
  .meta({ id: "LatestDiagnosis" });

const pointSchema = z
  .object({
    computedAt: timestamp,
    stage: z.enum(Stage),
    score: z.number().nullable(),
    change: z.record(z.string(), z.unknown()).nullable().meta({ description: "What moved against the diagnosis before it (the account page's chart tooltip); null for the first or when nothing moved." }),
  })
  .meta({ id: "DiagnosisPoint" });

export const operations = [
  defineOperation({
    id: "getLatestDiagnosis",
    method: "GET",
    path: "/accounts/{accountId}/diagnosis",
    summary: "A unit's latest diagnosis, with its evidence and treatments",
    tag: "Diagnoses",
    scope: "read",
    params: accountIdParams,
    response: latestSchema,
    handler: async ({ actor, params }) => {
      const latest = await getLatestDiagnosis(actor, params.accountId);
      if (!latest) throw new NotFoundError("diagnosis");
      return latest.readable
        ? { snapshotId: latest.snapshotId, computedAt: latest.computedAt, readable: true, diagnosis: latest.diagnosis }
        : { snapshotId: latest.snapshotId, computedAt: latest.computedAt, readable: false, diagnosis: null, reason: latest.reason };
    },
  }),
  defineOperation({
    id: "listDiagnosisHistory",
    method: "GET",
    path: "/accounts/{accountId}/diagnoses",
    summary: "A unit's diagnoses over the last year, oldest first",
    description: "Each point with what changed since the one before; since/until filter on computedAt.",
    tag: "Diagnoses",
    scope: "read",
    params: accountIdParams,
    query: listQuerySchema,
    response: pageSchema(pointSchema),
    handler: async ({ actor, params, query }) => {
      const keyset = keysetOf(query);
      // The year's points are read whole (as the account page reads them) and paged here by time.
      const points = (await getScoreHistory(actor, params.accountId)).filter(
        (point) => (!keyset.since || point.computedAt >= keyset.since) && (!keyset.until || point.computedAt < keyset.until) && (!keyset.after || point.computedAt.getTime() > keyset.after.at.getTime()),
      );
      return pageOf(points.slice(0, keyset.limit + 1), keyset.limit, (point) => ({ at: point.computedAt, id: "" }));
    },
  }),
];
