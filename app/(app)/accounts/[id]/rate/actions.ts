"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { submitRating } from "@/lib/data/ratings";
import { ratingInputSchema } from "@/lib/validation/rating";

export const submitRatingAction = formAction(
  "submitRating",
  ratingInputSchema,
  async (actor, input) => {
    const receipt = await submitRating(actor, input);
    revalidatePath(`/accounts/${input.accountId}`);
    return receipt;
  },
  (_receipt, input) => ({
    notice: "Thank you: your rating is saved. Your relationship manager sees it now and it counts towards how IT is doing.",
    redirectTo: `/accounts/${input.accountId}`,
  }),
);
