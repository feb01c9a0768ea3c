import { z } from "zod";
import { trimmed } from "./fields";

/** The expiries the settings page offers; a token never lives longer than a year (decision 029). */
export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const newApiTokenInputSchema = z.object({
  name: trimmed("The token's name", 2, 80),
  scope: z.enum(["READ", "WRITE"], { error: "Choose what the token may do" }),
  expiresInDays: z.coerce
    .number({ error: "Choose when the token expires" })
    .int()
    .refine((days) => (TOKEN_EXPIRY_DAYS as readonly number[]).includes(days), { error: "Choose when the token expires" }),
});

export type NewApiTokenInput = z.output<typeof newApiTokenInputSchema>;
