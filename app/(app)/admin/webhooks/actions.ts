"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { createWebhook, deleteWebhook, replayDelivery, rotateWebhookSecret, setWebhookActive } from "@/lib/data/webhooks";
import { requestWebhookDelivery } from "@/lib/webhooks/request";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookSchema, replayDeliverySchema, setWebhookActiveSchema, webhookIdSchema } from "@/lib/webhooks/schemas";

// The notices of a create and a rotation carry the secret: the one time it is shown
// (components/webhooks/secret-notice.tsx keeps it on the page until it is copied).

export const createWebhookAction = formAction(
  "createWebhook",
  createWebhookSchema,
  async (actor, input) => {
    const created = await createWebhook(actor, input);
    revalidatePath("/admin/webhooks");
    return created;
  },
  ({ url, eventTypes, secret }) => ({
    notice: `Subscribed ${url} to ${eventTypes.map((type) => WEBHOOK_EVENTS[type].label.toLowerCase()).join(", ")}. Its signing secret, shown only now: ${secret}`,
  }),
);

export const rotateWebhookSecretAction = formAction(
  "rotateWebhookSecret",
  webhookIdSchema,
  async (actor, { webhookId }) => {
    const rotated = await rotateWebhookSecret(actor, webhookId);
    revalidatePath("/admin/webhooks");
    return rotated;
  },
  ({ url, secret }) => ({ notice: `New signing secret for ${url}; the old one no longer signs. Shown only now: ${secret}` }),
);

export const setWebhookActiveAction = formAction(
  "setWebhookActive",
  setWebhookActiveSchema,
  async (actor, { webhookId, active }) => {
    const changed = await setWebhookActive(actor, webhookId, active);
    revalidatePath("/admin/webhooks");
    if (active) await requestWebhookDelivery();
    return changed;
  },
  ({ url, active }) => ({ notice: active ? `Resumed ${url}: waiting deliveries go within a minute.` : `Paused ${url}: no new deliveries until you resume it; waiting ones wait.` }),
);

export const deleteWebhookAction = formAction(
  "deleteWebhook",
  webhookIdSchema,
  async (actor, { webhookId }) => {
    const deleted = await deleteWebhook(actor, webhookId);
    revalidatePath("/admin/webhooks");
    return deleted;
  },
  ({ url }) => ({ notice: `Deleted the webhook to ${url} and its deliveries.` }),
);

export const replayWebhookDeliveryAction = formAction(
  "replayWebhookDelivery",
  replayDeliverySchema,
  async (actor, { deliveryId }) => {
    const replayed = await replayDelivery(actor, deliveryId);
    await requestWebhookDelivery();
    revalidatePath("/admin/webhooks");
    return replayed;
  },
  ({ url, type }) => ({ notice: `Queued ${type} to ${url} again: it goes within a minute, with the same webhook-id.` }),
);
