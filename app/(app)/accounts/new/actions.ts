"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { createAccount } from "@/lib/data/account-admin";
import { newAccountInputSchema } from "@/lib/validation/account";

export const createAccountAction = formAction(
  "createAccount",
  newAccountInputSchema,
  async (actor, input) => {
    const account = await createAccount(actor, input);
    revalidatePath("/dashboard");
    return account;
  },
  // The settings page is where the unit gets its sponsor and core systems.
  (account) => ({
    notice: `Business unit ${account.name} created. Next: add its contacts, then choose its sponsor and core systems here.`,
    redirectTo: `/accounts/${account.id}/settings`,
  }),
);
