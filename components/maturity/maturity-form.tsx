"use client";
import { getCollectionProps } from "@conform-to/react";
import { TextareaField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { FieldGroup } from "@/components/ui/field";
import type { FormActionFn } from "@/lib/actions/form-action";
import { addMaturitySchema, MATURITY_DESCRIPTIONS, MATURITY_LABELS, MATURITY_LEVELS } from "@/lib/validation/maturity";

/**
 * One side's view of the relationship's maturity: the four levels with what each looks like, and
 * a note. `question` is worded for the side answering (IT, or a client of the unit).
 */
export function MaturityForm({ accountId, question, action }: { accountId: string; question: string; action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, addMaturitySchema, { id: "new-maturity" });
  const radios = getCollectionProps(fields.level, { type: "radio", options: [...MATURITY_LEVELS], ariaAttributes: false });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="accountId" value={accountId} />
      <FieldGroup meta={fields.level} legend={question}>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {radios.map(({ key, ...radio }) => {
            const level = radio.value as (typeof MATURITY_LEVELS)[number];
            return (
              <label key={key ?? level} className="flex cursor-pointer gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600">
                <input {...radio} className="mt-1" />
                <span>
                  <span className="block text-sm font-medium">{MATURITY_LABELS[level]}</span>
                  <span className="block text-sm text-slate-600">{MATURITY_DESCRIPTIONS[level]}</span>
                </span>
              </label>
            );
          })}
        </div>
      </FieldGroup>
      <TextareaField meta={fields.note} label="Why (optional)" rows={2} hint="What makes it so today, and what would move it up a level." />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save this view
      </SubmitButton>
    </form>
  );
}
