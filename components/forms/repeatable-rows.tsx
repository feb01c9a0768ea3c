"use client";
import type { DefaultValue, FieldMetadata, FormMetadata } from "@conform-to/react";
import { type ReactNode, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field";

interface Props<Row> {
  form: FormMetadata;
  meta: FieldMetadata<unknown> & { getFieldList: () => FieldMetadata<Row>[] };
  legend: string;
  /** "quote" → "Add a quote", "Remove quote 2". */
  noun: string;
  /** The values a new row starts with. */
  newRow?: DefaultValue<Row>;
  /** One row's fields; `row.getFieldset()` names its columns. */
  children: (row: FieldMetadata<Row>, index: number) => ReactNode;
}

/**
 * Rows the user adds and removes (quotes, follow-ups…), built on Conform's list intents. The
 * Add and Remove buttons submit an intent: with JavaScript Conform applies it at once; before
 * JavaScript loads the server echoes the form with the row added or removed (nothing is saved).
 * They are submit buttons (Conform's props carry no type); Conform marks them `formNoValidate`,
 * as a half-filled form must still be able to grow a row. After Add, focus moves into the new
 * row (Enter on a focused Add would otherwise add empty rows); after Remove, to Add.
 */
export function RepeatableRows<Row>({ form, meta, legend, noun, newRow, children }: Props<Row>) {
  const rows = meta.getFieldList();
  const name: string = meta.name;
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once Conform has applied the button's intent (the row count changes).
  const focusAfter = useRef<"added" | "removed" | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === "removed") addButton.current?.focus();
    if (target === "added") {
      const row = [...(fieldset.current?.querySelectorAll("[data-row]") ?? [])].at(-1);
      row?.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select")?.focus();
    }
  }, [rows.length]);
  return (
    <fieldset ref={fieldset} className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {rows.map((row, index) => (
        <div key={row.key} data-row className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:border-0 sm:p-0 sm:[grid-template-columns:1fr_auto]">
          <div className="grid items-start gap-3 sm:grid-cols-4">{children(row, index)}</div>
          <Button type="submit" variant="secondary" {...form.remove.getButtonProps({ name, index })} onClick={() => (focusAfter.current = "removed")} aria-label={`Remove ${noun} ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <FieldErrors meta={meta} />
      <Button
        ref={addButton}
        type="submit"
        variant="secondary"
        {...form.insert.getButtonProps<Row[]>({ name, defaultValue: newRow })}
        onClick={() => (focusAfter.current = "added")}
      >
        Add a {noun}
      </Button>
    </fieldset>
  );
}
