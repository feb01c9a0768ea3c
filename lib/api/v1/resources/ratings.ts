import { z } from "zod";
import { getRatingForApi, listRatings } from "../../../data/api-lists/ratings";
import { submitRating, withdrawRating } from "../../../data/ratings";
import { RatingSource } from "../../../generated/prisma/enums";
import { ratingInputSchema, withdrawRatingSchema } from "../../../validation/rating";
import { defineOperation } from "../operation";
import { keysetOf, pageOf, pageSchema } from "../pagination";
import { accountIdParams, recordId, timestamp } from "../schemas";
import { accountListQuery } from "./record-operations";

// Ratings of IT's service. Read by IT with full access to the unit and by the unit's own clients
// (as its ratings card shows them; another manager never sees a unit's ratings). Given only by a
// client of the unit, through the rating form's own function: the recontact rule, the audit and
// the re-diagnosis; withdrawn only by the client who gave it.

const score = (description: string) => z.number().int().nullable().meta({ description });

const ratingSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    createdAt: timestamp,
    source: z.enum(RatingSource).meta({ description: "APP: a signed-in client; INVITATION: an emailed link." }),
    campaignId: z.string().nullable(),
    overall: z.number().int().meta({ description: "Overall satisfaction, 1–5." }),
    recommend: z.number().int().meta({ description: "Likelihood to recommend, 0–10." }),
    responsiveness: score("1–5, or null: not asked or not answered."),
    delivery: score("1–5 or null."),
    communication: score("1–5 or null."),
    businessUnderstanding: score("1–5 or null."),
    trust: score("1–5 or null."),
    comment: z.string(),
    rater: z
      .union([z.object({ kind: z.enum(["user", "contact"]), name: z.string() }), z.object({ kind: z.enum(["anonymous", "unknown"]) })])
      .meta({ description: "Who gave it, as the unit's ratings list shows it: never a name for an anonymous one." }),
  })
  .meta({ id: "Rating" });

const receipt = z
  .object({
    id: z.string(),
    replaced: z.array(z.object({ id: z.string(), createdAt: timestamp })).meta({ description: "Your earlier rating(s) this one replaced (rated again within the survey policy's recontact window)." }),
  })
  .meta({ id: "RatingReceipt" });

const params = z.object({ ratingId: recordId });

export const operations = [
  defineOperation({
    id: "listRatings",
    method: "GET",
    path: "/ratings",
    summary: "List ratings",
    description: "Of the units the token's user has full access to, or a client's own unit; withdrawn and replaced ratings are not listed. Ordered by createdAt, then id; since/until filter on createdAt.",
    tag: "Ratings",
    scope: "read",
    query: accountListQuery,
    response: pageSchema(ratingSchema),
    handler: async ({ actor, query }) => pageOf(await listRatings(actor, keysetOf(query), { accountId: query.accountId }), query.limit, (row) => ({ at: row.createdAt, id: row.id })),
  }),
  defineOperation({
    id: "getRating",
    method: "GET",
    path: "/ratings/{ratingId}",
    summary: "One rating",
    tag: "Ratings",
    scope: "read",
    params,
    response: ratingSchema,
    handler: ({ actor, params: p }) => getRatingForApi(actor, p.ratingId),
  }),
  defineOperation({
    id: "createRating",
    method: "POST",
    path: "/accounts/{accountId}/ratings",
    summary: "Rate IT's service (the unit's business clients)",
    description: "As the rating form: rated again within the recontact window, it replaces your previous rating; the unit is re-diagnosed. Retry with the same Idempotency-Key to store it once.",
    tag: "Ratings",
    scope: "write",
    params: accountIdParams,
    body: ratingInputSchema.omit({ accountId: true, idempotencyKey: true }),
    example: { overall: 4, recommend: 8, responsiveness: 4, comment: "Quicker this month" },
    response: receipt,
    handler: async ({ actor, params: p, body }) => {
      // The framework replays a retried request by its Idempotency-Key; the form's own key is then fresh per stored request.
      const { id, replaced } = await submitRating(actor, { ...body, accountId: p.accountId, idempotencyKey: crypto.randomUUID() });
      return { id, replaced };
    },
  }),
  defineOperation({
    id: "withdrawRating",
    method: "POST",
    path: "/ratings/{ratingId}/withdraw",
    summary: "Withdraw a rating you gave (its client)",
    description: "It leaves the unit's ratings and the diagnosis; IT never changes a client's rating (403).",
    tag: "Ratings",
    scope: "write",
    status: 200,
    params,
    body: withdrawRatingSchema.omit({ ratingId: true }),
    example: { reason: "Rated the wrong unit" },
    response: z.object({ id: z.string() }).meta({ id: "RatingWithdrawn" }),
    handler: async ({ actor, params: p, body }) => {
      const { result } = await withdrawRating(actor, { ratingId: p.ratingId, reason: body.reason });
      return { id: result.id };
    },
  }),
];
