"use client";
import { type FieldMetadata, type FormMetadata, getInputProps } from "@conform-to/react";
import { SelectField, TextField } from "@/components/forms/fields";
import { RepeatableRows } from "@/components/forms/repeatable-rows";
import type { FollowUpRowInput, QuoteRowInput } from "@/lib/validation/interaction";

export type Rows<Row> = FieldMetadata<unknown> & { getFieldList: () => FieldMetadata<Row>[] };

export const SIDE_OPTIONS = [
  { value: "BUSINESS", label: "The business" },
  { value: "IT", label: "IT" },
];

/** Keeps a stored row's id with the row as rows are added and removed, so the server knows which it corrects. */
function RowId({ meta }: { meta: FieldMetadata<unknown> }) {
  const { key, ...props } = getInputProps(meta, { type: "hidden" });
  return <input key={key} {...props} />;
}

/** Quotes heard in the interaction, each with the side that said it. */
export function QuoteRows({ form, meta }: { form: FormMetadata; meta: Rows<QuoteRowInput> }) {
  return (
    <RepeatableRows form={form} meta={meta} legend="What was said (quotes)" noun="quote" newRow={{ side: "BUSINESS" }}>
      {(row, index) => {
        const quote = row.getFieldset();
        return (
          <>
            <RowId meta={quote.id} />
            <TextField meta={quote.text} label={`Quote ${index + 1}`} placeholder="We've given up waiting for IT" className="sm:col-span-3" />
            <SelectField meta={quote.side} label="Said by" options={SIDE_OPTIONS} />
          </>
        );
      }}
    </RepeatableRows>
  );
}

/** Commitments made in the interaction: what, owed by which side, by when. `done` names the rows already done. */
export function FollowUpRows({ form, meta, done = {} }: { form: FormMetadata; meta: Rows<FollowUpRowInput>; done?: Record<string, string> }) {
  return (
    <RepeatableRows form={form} meta={meta} legend="Follow-ups owed" noun="follow-up" newRow={{ owedBy: "IT" }}>
      {(row, index) => {
        const followUp = row.getFieldset();
        const doneOn = typeof followUp.id.value === "string" ? done[followUp.id.value] : undefined;
        return (
          <>
            <RowId meta={followUp.id} />
            <TextField
              meta={followUp.description}
              label={`Follow-up ${index + 1}`}
              placeholder="Send the revised delivery plan"
              className="sm:col-span-2"
              hint={doneOn && `Done ${doneOn}`}
            />
            <SelectField meta={followUp.owedBy} label="Owed by" options={SIDE_OPTIONS} />
            <TextField meta={followUp.dueDate} label="Due" type="date" />
          </>
        );
      }}
    </RepeatableRows>
  );
}
