"use client";
import { useRepeatableRows } from "@/components/forms/repeatable-rows";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

type ErrorsFor = (name: string) => string[] | undefined;

const SIDE_OPTIONS = [
  { value: "BUSINESS", label: "The business" },
  { value: "IT", label: "IT" },
];

/** Quotes heard in the interaction, each with the side that said it. */
export function QuoteRows({ errorsFor }: { errorsFor: ErrorsFor }) {
  const rows = useRepeatableRows();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">What was said (quotes)</legend>
      {rows.keys.map((key, index) => (
        <div key={key} className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_auto]">
          <TextField name={`quotes.${index}.text`} label={`Quote ${index + 1}`} placeholder="We've given up waiting for IT" errors={errorsFor(`quotes.${index}.text`)} />
          <SelectField name={`quotes.${index}.side`} label="Said by" options={SIDE_OPTIONS} defaultValue="BUSINESS" errors={errorsFor(`quotes.${index}.side`)} />
          <Button type="button" variant="secondary" onClick={() => rows.remove(key)} aria-label={`Remove quote ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={rows.add}>
        Add a quote
      </Button>
    </fieldset>
  );
}

/** Commitments made in the interaction: what, owed by which side, by when. */
export function FollowUpRows({ errorsFor }: { errorsFor: ErrorsFor }) {
  const rows = useRepeatableRows();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Follow-ups owed</legend>
      {rows.keys.map((key, index) => (
        <div key={key} className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_10rem_auto]">
          <TextField name={`followUps.${index}.description`} label={`Follow-up ${index + 1}`} placeholder="Send the revised delivery plan" errors={errorsFor(`followUps.${index}.description`)} />
          <SelectField name={`followUps.${index}.owedBy`} label="Owed by" options={SIDE_OPTIONS} defaultValue="IT" errors={errorsFor(`followUps.${index}.owedBy`)} />
          <TextField name={`followUps.${index}.dueDate`} label="Due" type="date" errors={errorsFor(`followUps.${index}.dueDate`)} />
          <Button type="button" variant="secondary" onClick={() => rows.remove(key)} aria-label={`Remove follow-up ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={rows.add}>
        Add a follow-up
      </Button>
    </fieldset>
  );
}
