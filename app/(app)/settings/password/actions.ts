"use server";
import { formAction } from "@/lib/actions/form-action";
import { changeOwnPassword } from "@/lib/data/users";
import { changePasswordInputSchema } from "@/lib/validation/user";

export const changePasswordAction = formAction(
  "changePassword",
  changePasswordInputSchema,
  (actor, { currentPassword, password }) => changeOwnPassword(actor, currentPassword, password),
  // Every session ended with the change, this one too.
  () => ({ notice: "Password changed. Sign in with your new password.", redirectTo: "/login" }),
  { hideFields: ["currentPassword", "password", "confirmPassword"] },
);
