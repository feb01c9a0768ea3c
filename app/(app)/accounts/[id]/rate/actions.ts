"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { submitRating, withdrawRating } from "@/lib/data/ratings";
import { formatDate } from "@/lib/format";
import { ratingInputSchema, withdrawRatingSchema } from "@/lib/validation/rating";

export const submitRatingAction = formAction(
  "submitRating",
  ratingInputSchema,
  async (actor, input) => {
    const receipt = await submitRating(actor, input);
    revalidatePath(`/accounts/${input.accountId}`);
    return receipt;
  },
  (receipt, input) => ({
    notice:
      receipt.replaced.length > 0
        ? `Thank you: your rating is saved. It replaces your rating of ${receipt.replaced.map((r) => formatDate(r.createdAt)).join(" and ")}: each person counts once within the recontact window, and the earlier one stays in the history. Your relationship manager sees it now.`
        : // A resent form (duplicate) was stored once; it gets the same thanks.
          "Thank you: your rating is saved. Your relationship manager sees it now and it counts towards how IT is doing.",
    redirectTo: `/accounts/${input.accountId}`,
  }),
);

export const withdrawRatingAction = formAction(
  "withdrawRating",
  withdrawRatingSchema,
  async (actor, input) => {
    const written = await withdrawRating(actor, input);
    revalidatePath(`/accounts/${written.change.accountId}`);
    revalidatePath("/dashboard");
    return written;
  },
  () => ({ notice: "Your rating is withdrawn: it no longer counts towards how IT is doing." }),
);
