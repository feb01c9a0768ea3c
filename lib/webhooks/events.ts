import { z } from "zod";

// The event types a webhook may subscribe to: a typed list, never free strings (decision 030).
// Each is written to the outbox (webhook_events) in the transaction of the change it reports, by a
// database trigger (prisma/migrations/*_webhooks) or, for overdue actions, by the delivery run's
// sweep. `data` carries ids and a few facts; a receiver reads the rest through /api/v1.

export const WEBHOOK_EVENTS = {
  "account.stage_changed": { label: "Account stage changed", description: "A stored diagnosis moved a unit to another stage (from, to, score)." },
  "rating.received": { label: "Rating received", description: "A client rated IT (scores and unit; never for an anonymous campaign)." },
  "interaction.logged": { label: "Interaction logged", description: "A meeting, call or other interaction was logged (kind, day, outcome; not its notes)." },
  "action.overdue": { label: "Action overdue", description: "An open action passed its due day (once per due day)." },
  "action.closed": { label: "Action closed", description: "An action was closed as done or dropped." },
  "campaign.closed": { label: "Campaign closed", description: "A rating campaign reached its closing date." },
  "alert.raised": { label: "Alert raised", description: "An alert went to a unit's manager and the CIO (a stage worsened, a risk rose, a new symptom)." },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEventType, ...WebhookEventType[]];

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose event types from the list." });

export const isWebhookEventType = (value: string): value is WebhookEventType => Object.hasOwn(WEBHOOK_EVENTS, value);
