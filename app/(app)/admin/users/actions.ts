"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { createUser, endAllSessions, resetPassword, setUserActive, updateUser } from "@/lib/data/users";
import { editUserInputSchema, newUserInputSchema, resetPasswordInputSchema, userIdInputSchema } from "@/lib/validation/user";

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

export const endSessionsAction = formAction(
  "endUserSessions",
  userIdInputSchema,
  (actor, { userId }) => endAllSessions(actor, userId),
  (user) => ({ notice: `${user.name} is signed out everywhere (${user.ended} session${user.ended === 1 ? "" : "s"} ended).` }),
);

export const updateUserAction = formAction(
  "updateUser",
  editUserInputSchema,
  async (actor, input) => {
    const user = await updateUser(actor, input);
    revalidatePath("/admin/users");
    return user;
  },
  (user) => ({ notice: `Saved ${user.name}'s details.` }),
);

export const resetPasswordAction = formAction(
  "resetPassword",
  resetPasswordInputSchema,
  (actor, { userId, password }) => resetPassword(actor, userId, password),
  () => ({ notice: "Password reset. Their sessions have ended; share the new password privately." }),
  { hideFields: ["password"] },
);

const setActive = (active: boolean) =>
  formAction(
    active ? "reactivateUser" : "deactivateUser",
    userIdInputSchema,
    async (actor, { userId }) => {
      const user = await setUserActive(actor, userId, active);
      revalidatePath("/admin/users");
      return user;
    },
    (user) => ({ notice: active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out everywhere.` }),
  );

export const deactivateUserAction = setActive(false);
export const reactivateUserAction = setActive(true);
