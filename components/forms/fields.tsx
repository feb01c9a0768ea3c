"use client";
import { type FieldMetadata, type FormMetadata, getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ComponentProps, ReactNode } from "react";
import { controlClass, Input, Textarea } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { Field, FieldGroup } from "@/components/ui/field";
import { NativeSelect, type Option } from "@/components/ui/native-select";

// Conform-wired fields: a label, the control with its name, value, ids and aria attributes from
// the field's metadata, a hint and the errors. Extra props (placeholder, required, autoComplete…)
// go to the control. Conform's `key` is passed apart: it remounts a control whose value the
// server or a reset replaced.

interface Base {
  meta: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

type TextType = "text" | "email" | "password" | "date" | "datetime-local" | "number" | "search" | "tel" | "url";

const describedBy = (meta: FieldMetadata<unknown>, hint?: ReactNode) => (hint ? meta.descriptionId : undefined);

export function TextField({ meta, label, hint, className, type = "text", ...input }: Base & Omit<ComponentProps<"input">, "type" | "name" | "defaultValue" | "value"> & { type?: TextType }) {
  const { key, ...control } = getInputProps(meta, { type, ariaDescribedBy: describedBy(meta, hint) });
  return (
    <Field meta={meta} label={label} hint={hint} className={className}>
      <Input key={key} {...control} {...input} />
    </Field>
  );
}

export function TextareaField({ meta, label, hint, className, ...textarea }: Base & Omit<ComponentProps<"textarea">, "name" | "defaultValue" | "value">) {
  const { key, ...control } = getTextareaProps(meta, { ariaDescribedBy: describedBy(meta, hint) });
  return (
    <Field meta={meta} label={label} hint={hint} className={className}>
      <Textarea key={key} {...control} {...textarea} />
    </Field>
  );
}

/** A native select, so the form posts before JavaScript loads; `placeholder` adds an empty first option. */
export function SelectField({
  meta,
  label,
  hint,
  className,
  ...select
}: Base & Omit<ComponentProps<"select">, "name" | "defaultValue" | "value"> & { options: readonly Option[]; placeholder?: string }) {
  const { key, ...control } = getSelectProps(meta, { ariaDescribedBy: describedBy(meta, hint) });
  return (
    <Field meta={meta} label={label} hint={hint} className={className}>
      <NativeSelect key={key} {...control} {...select} />
    </Field>
  );
}

/**
 * Checkboxes for a list of ids. They post as `name[]`, so one ticked box is still a list and the
 * schema needs no coercion.
 */
export function CheckboxGroupField({
  meta,
  legend,
  hint,
  className,
  options,
  empty,
  form,
}: Omit<Base, "label"> & {
  legend: ReactNode;
  options: readonly (Option & { detail?: ReactNode })[];
  empty: ReactNode;
  /**
   * The boxes post as `name[]`, a name Conform never marks validated, so a shown error ("Choose at
   * least one…") would stay until the group loses focus, and vanish as the user clicks submit,
   * moving the button from under the click. Ticking a box checks the group again.
   */
  form: Pick<FormMetadata, "validate">;
}) {
  const boxes = getCollectionProps(meta, { type: "checkbox", options: options.map((option) => option.value), ariaAttributes: false });
  const revalidate = meta.errors?.length ? () => form.validate({ name: meta.name }) : undefined;
  return (
    <FieldGroup meta={meta} legend={legend} hint={hint} className={className}>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className={cn(controlClass, "max-h-40 space-y-1 overflow-y-auto")}>
          {boxes.map(({ key, ...box }, index) => (
            <li key={key ?? box.value}>
              <label className="flex items-center gap-2 text-sm">
                <input {...box} name={`${meta.name}[]`} onChange={revalidate} />
                {options[index]?.label}
                {options[index]?.detail}
              </label>
            </li>
          ))}
        </ul>
      )}
    </FieldGroup>
  );
}
