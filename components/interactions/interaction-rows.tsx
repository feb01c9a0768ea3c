"use client";
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { SelectField, TextField } from "@/components/forms/fields";
import { RepeatableRows } from "@/components/forms/repeatable-rows";
import type { z } from "zod";
import type { followUpInputSchema, quoteInputSchema } from "@/lib/validation/interaction";

type Rows<Row> = FieldMetadata<unknown> & { getFieldList: () => FieldMetadata<Row>[] };

const SIDE_OPTIONS = [
  { value: "BUSINESS", label: "The business" },
  { value: "IT", label: "IT" },
];

/** Quotes heard in the interaction, each with the side that said it. */
export function QuoteRows({ form, meta }: { form: FormMetadata; meta: Rows<z.input<typeof quoteInputSchema>> }) {
  return (
    <RepeatableRows form={form} meta={meta} legend="What was said (quotes)" noun="quote" newRow={{ side: "BUSINESS" }}>
      {(row, index) => {
        const quote = row.getFieldset();
        return (
          <>
            <TextField meta={quote.text} label={`Quote ${index + 1}`} placeholder="We've given up waiting for IT" className="sm:col-span-3" />
            <SelectField meta={quote.side} label="Said by" options={SIDE_OPTIONS} />
          </>
        );
      }}
    </RepeatableRows>
  );
}

/** Commitments made in the interaction: what, owed by which side, by when. */
export function FollowUpRows({ form, meta }: { form: FormMetadata; meta: Rows<z.input<typeof followUpInputSchema>> }) {
  return (
    <RepeatableRows form={form} meta={meta} legend="Follow-ups owed" noun="follow-up" newRow={{ owedBy: "IT" }}>
      {(row, index) => {
        const followUp = row.getFieldset();
        return (
          <>
            <TextField meta={followUp.description} label={`Follow-up ${index + 1}`} placeholder="Send the revised delivery plan" className="sm:col-span-2" />
            <SelectField meta={followUp.owedBy} label="Owed by" options={SIDE_OPTIONS} />
            <TextField meta={followUp.dueDate} label="Due" type="date" />
          </>
        );
      }}
    </RepeatableRows>
  );
}
