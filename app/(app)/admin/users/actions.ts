"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { createUser, unlockUser } from "@/lib/data/users";
import { idSchema } from "@/lib/validation/fields";
import { newUserInputSchema } from "@/lib/validation/user";

export const createUserAction = formAction(
  "createUser",
  newUserInputSchema,
  async (actor, input) => {
    const user = await createUser(actor, input);
    revalidatePath("/admin/users");
    return user;
  },
  (_user, input) => ({ notice: `User ${input.email} created. They can sign in now.` }),
  // The initial password is never echoed back, not even with an error.
  { hideFields: ["password"] },
);

export const unlockUserAction = formAction(
  "unlockUser",
  z.object({ userId: idSchema }),
  async (actor, { userId }) => {
    await unlockUser(actor, userId);
    revalidatePath("/admin/users");
  },
  () => ({ notice: "User unlocked." }),
);
