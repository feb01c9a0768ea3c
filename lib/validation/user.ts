import { z } from "zod";
import { blankToUndefined, idSchema, trimmed } from "./fields";

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

export const newUserInputSchema = z
  .object({
    name: trimmed("Name", 2, 120),
    email: emailSchema,
    role: z.enum(ROLES, { error: "Choose a role" }),
    accountId: z.preprocess(blankToUndefined, idSchema.optional()),
    password: z
      .string({ error: "Enter a password" })
      .min(12, { error: "Use at least 12 characters" })
      .max(200, { error: "Use at most 200 characters" }),
  })
  .superRefine((user, ctx) => {
    if (user.role === "CLIENT" && !user.accountId) {
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "A business client belongs to one account: choose it" });
    }
    if (user.role !== "CLIENT" && user.accountId) {
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "Only business clients belong to an account" });
    }
  });

export type NewUserInput = z.infer<typeof newUserInputSchema>;
