"use client";
import { type FieldMetadata, getInputProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldErrors, FieldHint } from "@/components/ui/field";

/** One Conform-wired checkbox with its label beside it; it posts "on" when ticked (the `checkbox` schema field). */
export function CheckboxField({ meta, label, hint, className }: { meta: FieldMetadata<unknown>; label: ReactNode; hint?: ReactNode; className?: string }) {
  const { key, ...control } = getInputProps(meta, { type: "checkbox", ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input key={key} {...control} className="h-4 w-4 rounded border-slate-300" />
        {label}
      </label>
      <FieldHint meta={meta}>{hint}</FieldHint>
      <FieldErrors meta={meta} />
    </div>
  );
}
