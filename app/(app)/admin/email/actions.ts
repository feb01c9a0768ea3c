"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { retryEmail } from "@/lib/mail/outbox";
import { requestDelivery } from "@/lib/mail";
import { retryEmailSchema } from "./retry-schema";

export const retryEmailAction = formAction(
  "retryEmail",
  retryEmailSchema,
  async (actor, { emailId }) => {
    const email = await retryEmail(actor, emailId);
    await requestDelivery();
    revalidatePath("/admin/email");
    return email;
  },
  ({ toAddress, subject }) => ({ notice: `Queued again: “${subject}” to ${toAddress}. It goes with the next delivery run, within a minute.` }),
);
