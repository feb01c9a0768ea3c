import { z } from "zod";
import type { ContactRole, Level } from "../generated/prisma/enums";
import { blankToUndefined, pastDateOnly, optionalText, trimmed } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";
import { emailSchema } from "./user";

export const CONTACT_ROLES = ["SPONSOR", "DECISION_MAKER", "BUDGET_HOLDER", "KEY_USER", "INFLUENCER", "OTHER"] as const satisfies readonly ContactRole[];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  SPONSOR: "Sponsor",
  DECISION_MAKER: "Decision maker",
  BUDGET_HOLDER: "Budget holder",
  KEY_USER: "Key user",
  INFLUENCER: "Influencer",
  OTHER: "Other",
};

export const LEVELS = ["LOW", "MEDIUM", "HIGH"] as const satisfies readonly Level[];

export const LEVEL_LABELS: Record<Level, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

const level = (what: string) => z.enum(LEVELS, { error: `Choose their ${what}: low, medium or high` });

/** Blank is "not known" (null in the database). */
const optionalEmail = z.preprocess(blankToUndefined, emailSchema.optional()).transform((email) => email ?? null);

const optionalPhone = z
  .preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{2,39}$/, { error: "Enter a phone number such as +44 20 7946 0000" })
      .optional(),
  )
  .transform((phone) => phone ?? null);

/** A person at the business unit, as the contact form and the API send them. */
export const contactInputSchema = z.object({
  name: trimmed("The name", 2, 120),
  title: optionalText("The title", 120),
  email: optionalEmail,
  phone: optionalPhone,
  role: z.enum(CONTACT_ROLES, { error: "Choose their part in the relationship" }),
  influence: level("influence"),
  interest: level("interest"),
});

export const addContactSchema = newRecordFormSchema(contactInputSchema);
export const editContactSchema = editRecordFormSchema(contactInputSchema);

/** "Mark as left" sends the day they left; "Active again" (a mistake, or they came back) sends nothing. */
export const contactLeftInputSchema = z.object({ leftAt: pastDateOnly("the day they left") });
export const contactReturnedInputSchema = z.object({});
export const contactLeftFormSchema = editRecordFormSchema(contactLeftInputSchema);

export type ContactInput = z.output<typeof contactInputSchema>;
