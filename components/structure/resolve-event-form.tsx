"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { resolveStructuralEventSchema } from "@/lib/validation/structure";

/** "Mark resolved" with the day it was (today unless changed); a plain form, so it works before JavaScript. */
export function ResolveEventForm({ eventId, label, today, action }: { eventId: string; label: string; today: string; action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, resolveStructuralEventSchema, { id: `resolve-${eventId}`, defaultValue: { resolvedAt: today } });
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="recordId" value={eventId} />
      <TextField meta={fields.resolvedAt} label="Resolved on" type="date" required className="w-44" />
      <SubmitButton variant="secondary" size="sm" pending={pending} pendingLabel="Saving…" aria-label={`Mark resolved: ${label}`} className="mb-0.5 py-2">
        Mark resolved
      </SubmitButton>
      <div className="basis-full">
        <FormStatus form={form} lastResult={lastResult} />
      </div>
    </form>
  );
}
