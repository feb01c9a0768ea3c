"use client";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormActionFn } from "@/lib/actions/form-action";
import { STAGE_LABELS, STAGES } from "@/lib/scoring/enums";
import { setStageOverrideSchema } from "@/lib/validation/stage-override";

interface Props {
  accountId: string;
  /** Whether an override is in force: this one then replaces it. */
  replacing: boolean;
  /** Today and a year ahead as YYYY-MM-DD, the date field's bounds. */
  today: string;
  latest: string;
  action: FormActionFn;
}

const STAGE_OPTIONS = STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));

/** Set a manual stage beside the engine's: a plain form in a disclosure, so it works before JavaScript. */
export function StageOverrideForm({ accountId, replacing, today, latest, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, setStageOverrideSchema, { id: `override-${accountId}` });
  return (
    <Disclosure summary={replacing ? "Replace the override" : "Set a manual stage"} open={lastResult?.status === "error" ? true : undefined}>
      <form {...formProps} className="max-w-xl space-y-3 rounded-md border border-slate-200 p-4">
        <p className="text-sm text-slate-600">
          When you judge the relationship differently from the engine. The computed stage stays visible beside yours, and yours lapses after its last day
          {replacing ? "; setting this ends the override in force" : ""}. Clients never see overrides.
        </p>
        <input type="hidden" name="accountId" value={accountId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField meta={fields.stage} label="Stage" placeholder="Choose a stage" options={STAGE_OPTIONS} required />
          <TextField meta={fields.until} label="Until (last day it holds)" type="date" min={today} max={latest} required />
        </div>
        <TextareaField meta={fields.reason} label="Why you disagree with the engine" rows={3} required hint="Shown with the override to IT, and kept in its history." />
        <FormStatus form={form} lastResult={lastResult} />
        <SubmitButton pending={pending} pendingLabel="Setting…">
          Set override
        </SubmitButton>
      </form>
    </Disclosure>
  );
}
