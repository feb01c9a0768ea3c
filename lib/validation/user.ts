import { z } from "zod";
import { blankToUndefined, idSchema, storableString, trimmed } from "./fields";

export const ROLES = ["ADMIN", "CIO", "RELATIONSHIP_MANAGER", "CLIENT"] as const;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  ADMIN: "Administrator",
  CIO: "CIO",
  RELATIONSHIP_MANAGER: "Relationship manager",
  CLIENT: "Business client",
};

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254));

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }).max(200),
});

/** A new password: not stored as text, but a NUL or a broken character would not survive the hash's UTF-8 either. */
export const passwordSchema = storableString("The password", "Enter a password")
  .min(12, { error: "Use at least 12 characters" })
  .max(200, { error: "Use at most 200 characters" });

/** A business client belongs to exactly one account; nobody else belongs to one. */
function roleMatchesAccount(user: { role: (typeof ROLES)[number]; accountId?: string }, ctx: z.RefinementCtx) {
  if (user.role === "CLIENT" && !user.accountId) {
    ctx.addIssue({ code: "custom", path: ["accountId"], message: "A business client belongs to one account: choose it" });
  }
  if (user.role !== "CLIENT" && user.accountId) {
    ctx.addIssue({ code: "custom", path: ["accountId"], message: "Only business clients belong to an account" });
  }
}

const userFields = {
  name: trimmed("Name", 2, 120),
  role: z.enum(ROLES, { error: "Choose a role" }),
  accountId: z.preprocess(blankToUndefined, idSchema.optional()),
};

export const newUserInputSchema = z.object({ ...userFields, email: emailSchema, password: passwordSchema }).superRefine(roleMatchesAccount);

export type NewUserInput = z.infer<typeof newUserInputSchema>;

/** An administrator's correction of a user: name, role and account (email is their sign-in name). */
export const editUserInputSchema = z.object({ ...userFields, userId: idSchema }).superRefine(roleMatchesAccount);
export type EditUserInput = z.infer<typeof editUserInputSchema>;

export const userIdInputSchema = z.object({ userId: idSchema });

export const resetPasswordInputSchema = z.object({ userId: idSchema, password: passwordSchema });

export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, { error: "Enter your current password" }).max(200),
    password: passwordSchema,
    confirmPassword: z.string({ error: "Repeat the new password" }).max(200),
  })
  .superRefine((input, ctx) => {
    if (input.password !== input.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords differ" });
    }
    if (input.password === input.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Choose a password different from the current one" });
    }
  });


