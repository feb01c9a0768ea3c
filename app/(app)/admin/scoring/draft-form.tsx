"use client";
import { getCollectionProps } from "@conform-to/react";
import { FormStatus } from "@/components/forms/form-status";
import { TextareaField, TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { FieldGroup } from "@/components/ui/field";
import type { FormActionFn } from "@/lib/actions/form-action";
import { STAGE_LABELS } from "@/lib/scoring";
import type { CatalogueEntry } from "@/lib/scoring";
import { draftFormSchema, fieldName, SETTING_GROUPS } from "./settings-fields";

type Phrase = Pick<CatalogueEntry, "id" | "stage" | "side" | "quote">;

/**
 * The draft: main values as fields, each catalogue phrase on or off, everything else as JSON.
 * "Preview" re-diagnoses every account with it; saving comes after, from the preview.
 */
export function DraftForm({ action, values, phrases }: { action: FormActionFn; values: Record<string, string | string[]>; phrases: readonly Phrase[] }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, draftFormSchema, { id: "scoring-draft", defaultValue: values });
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  const enabled = all.enabledPhrases as Parameters<typeof getCollectionProps>[0];
  const boxes = getCollectionProps(enabled, { type: "checkbox", options: phrases.map((phrase) => phrase.id), ariaAttributes: false });
  return (
    <form {...formProps} className="space-y-6" noValidate>
      {SETTING_GROUPS.map((group) => (
        <fieldset key={group.title} className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">{group.title}</legend>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {group.fields.map((field) => (
              <TextField key={field.path} meta={all[fieldName(field.path)]!} label={field.label} hint={field.hint} inputMode={field.integer ? "numeric" : "decimal"} />
            ))}
          </div>
        </fieldset>
      ))}

      <FieldGroup meta={all.enabledPhrases!} legend="Symptom phrases (ticked: heard and counted)" hint="A phrase switched off is still detected and stored, but no longer counts in any diagnosis.">
        <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
          {boxes.map(({ key, ...box }, index) => {
            const phrase = phrases[index] as Phrase;
            return (
              <li key={key ?? box.value} className="px-3 py-2">
                <label className="flex items-start gap-2 text-sm">
                  <input {...box} name={`${enabled.name}[]`} className="mt-1 h-4 w-4 shrink-0" />
                  <span>
                    <span className="font-medium">“{phrase.quote}”</span>
                    <span className="block text-xs text-slate-500">
                      {phrase.side === "IT" ? "IT" : "Business"} · {STAGE_LABELS[phrase.stage]} · <code>{phrase.id}</code>
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </FieldGroup>

      <TextareaField
        meta={all.rest!}
        label="Everything else (JSON)"
        hint="Every other rule's bands, minimum counts and weights, in the library's own shape (docs/scoring.md). The fields above are not repeated here."
        rows={16}
        spellCheck={false}
        // Monospace for the JSON only, not its label and hint.
        className="[&_textarea]:font-mono"
      />

      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Re-diagnosing every account with the draft…">
        Preview
      </SubmitButton>
    </form>
  );
}
