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
    return { id: user.id, email: input.email };
  },
  (user) => `User ${user.email} created. They can sign in now.`,
);

export const unlockUserAction = formAction(
  "unlockUser",
  z.object({ userId: idSchema }),
  async (actor, { userId }) => {
    await unlockUser(actor, userId);
    revalidatePath("/admin/users");
    return { userId };
  },
  () => "User unlocked.",
);
