"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { completeFollowUp } from "@/lib/data/follow-ups";
import { idSchema } from "@/lib/validation/fields";

export const completeFollowUpAction = formAction(
  "completeFollowUp",
  z.object({ followUpId: idSchema }),
  async (actor, { followUpId }) => {
    const done = await completeFollowUp(actor, followUpId);
    revalidatePath(`/accounts/${done.accountId}`);
    revalidatePath("/dashboard");
    return done;
  },
  () => ({ notice: "Follow-up marked done." }),
);
