"use client";
import { CheckboxGroupField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookSchema } from "@/lib/webhooks/schemas";
import { SecretNotice } from "./secret-notice";

const OPTIONS = WEBHOOK_EVENT_TYPES.map((type) => ({
  value: type,
  label: WEBHOOK_EVENTS[type].label,
  detail: <span className="text-xs text-slate-600">({type}): {WEBHOOK_EVENTS[type].description}</span>,
}));

/** Subscribes a URL to event types; the secret it answers with stays on screen until dismissed. */
export function NewWebhookForm({ action }: { action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, createWebhookSchema, { id: "new-webhook" });
  return (
    <div className="space-y-4">
      <form {...formProps} className="space-y-4">
        <TextField meta={fields.url} label="Receiver URL" type="url" placeholder="https://itsm.example.org/hooks/rapport" hint="An http:// or https:// address that answers each POST with a 2xx status." required />
        <TextField meta={fields.description} label="Description (optional)" placeholder="ServiceNow: open a task for each overdue action" />
        <CheckboxGroupField meta={fields.eventTypes} form={form} legend="Events to send" options={OPTIONS} empty="No event types." />
        <FormStatus form={form} lastResult={lastResult} />
        <SubmitButton pending={pending} pendingLabel="Subscribing…">
          Subscribe
        </SubmitButton>
      </form>
      <SecretNotice result={lastResult} />
    </div>
  );
}
