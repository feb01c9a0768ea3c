import { z } from "zod";
import { idSchema, optionalText, storableString } from "../validation/fields";
import { webhookEventTypeSchema } from "./events";

// The admin page's forms, checked in the browser and again on the server. Where a URL may point
// (private addresses) depends on the server's settings, so the data layer checks that too.

const webhookUrl = storableString("The URL")
  .trim()
  .min(1, { error: "The URL is required" })
  .max(2000, { error: "The URL must be at most 2,000 characters" })
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { error: "Enter an http:// or https:// URL, e.g. https://itsm.example.org/hooks/rapport" });

export const createWebhookSchema = z.object({
  url: webhookUrl,
  description: optionalText("The description", 200),
  /** Checkboxes post as `eventTypes[]`, so even one ticked box is a list. */
  eventTypes: z
    .array(webhookEventTypeSchema)
    .max(20)
    .default([])
    .refine((types) => types.length > 0, { error: "Choose at least one event type" })
    .transform((types) => [...new Set(types)]),
});
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ webhookId: idSchema });

export const setWebhookActiveSchema = z.object({ webhookId: idSchema, active: z.enum(["true", "false"], { error: "Choose pause or resume" }).transform((value) => value === "true") });

/** Deliveries' ids are 32 hexadecimal characters (made by the fan-out in SQL). */
export const replayDeliverySchema = z.object({ deliveryId: idSchema });
