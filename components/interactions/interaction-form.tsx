"use client";
import { DefaultSubmit } from "@/components/forms/default-submit";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { interactionEditSchema, interactionInputSchema } from "@/lib/validation/interaction";
import type { InteractionEditDefaults } from "./interaction-defaults";
import { type AttendeeOptions, InteractionFieldset } from "./interaction-fields";

const formClass = "space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";

/** What a new interaction starts with when it is the chase of something the client owes. */
export interface InteractionPrefill {
  type: "EMAIL";
  summary: string;
}

/** Logs a new interaction with the account. */
export function InteractionForm({ accountId, action, prefill, ...attendees }: AttendeeOptions & { accountId: string; action: FormActionFn; prefill?: InteractionPrefill }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, interactionInputSchema, {
    defaultValue: { type: "MEETING", sentiment: "NEUTRAL", whatHappened: "HELD", ...prefill },
  });
  return (
    <form {...formProps} className={formClass}>
      <DefaultSubmit />
      <input type="hidden" name="accountId" value={accountId} />
      <InteractionFieldset form={form} fields={fields} {...attendees} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        Save interaction
      </SubmitButton>
    </form>
  );
}

/** Corrects a logged interaction: every field, its quotes and follow-ups (rows removed here are deleted). */
export function EditInteractionForm({ defaults, action, ...attendees }: AttendeeOptions & { defaults: InteractionEditDefaults; action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, interactionEditSchema, { defaultValue: defaults.defaultValue });
  return (
    <form {...formProps} className={formClass}>
      <DefaultSubmit />
      <input type="hidden" name="interactionId" value={defaults.defaultValue.interactionId} />
      <InteractionFieldset form={form} fields={fields} storedOccurredAt={defaults.storedOccurredAt} doneFollowUps={defaults.doneFollowUps} {...attendees} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        Save correction
      </SubmitButton>
    </form>
  );
}
