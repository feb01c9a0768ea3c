"use server";
import { headers } from "next/headers";
import { formAction } from "@/lib/actions/form-action";
import { changeOwnPassword } from "@/lib/data/users";
import { clientAddress } from "@/lib/http/client-ip";
import { changePasswordInputSchema } from "@/lib/validation/user";

export const changePasswordAction = formAction(
  "changePassword",
  changePasswordInputSchema,
  // Throttled like a sign-in from the same address (lib/auth/sign-in-throttle.ts).
  async (actor, { currentPassword, password }) => changeOwnPassword(actor, currentPassword, password, { address: clientAddress(await headers()) }),
  // Every session ended with the change, this one too.
  () => ({ notice: "Password changed. Sign in with your new password.", redirectTo: "/login" }),
  { hideFields: ["currentPassword", "password", "confirmPassword"] },
);
