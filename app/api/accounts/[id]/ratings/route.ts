import { z } from "zod";
import { submitRating } from "@/lib/data/ratings";
import { routeHandler } from "@/lib/http/route-handler";
import { idSchema } from "@/lib/validation/fields";
import { ratingInputSchema } from "@/lib/validation/rating";

/**
 * Submits a rating as JSON (for clients that retry over flaky networks): the same idempotency key
 * always answers with the one stored rating.
 */
export const POST = routeHandler(
  { name: "POST /api/accounts/[id]/ratings", params: z.object({ id: idSchema }), body: ratingInputSchema.omit({ accountId: true }) },
  async ({ actor, params, body }) => submitRating(actor, { ...body, accountId: params.id }),
);
