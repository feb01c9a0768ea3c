import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

/** Any Conform field: these wrappers read only its ids and errors. */
export type AnyField = FieldMetadata<unknown>;

/**
 * Label above, hint and errors below, tied to the control by Conform's ids: give the control
 * `getInputProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined, … })`.
 */
export function Field({ meta, label, hint, className, children }: { meta: AnyField; label: ReactNode; hint?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <Label htmlFor={meta.id}>{label}</Label>
      {children}
      <FieldHint meta={meta}>{hint}</FieldHint>
      <FieldErrors meta={meta} />
    </div>
  );
}

/** A group of radios or checkboxes: the legend names it, errors are announced with it. */
export function FieldGroup({ meta, legend, hint, className, children }: { meta: AnyField; legend: ReactNode; hint?: ReactNode; className?: string; children: ReactNode }) {
  const describedBy = [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={className} aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {children}
      <FieldHint meta={meta}>{hint}</FieldHint>
      <FieldErrors meta={meta} />
    </fieldset>
  );
}

export function FieldHint({ meta, children }: { meta: AnyField; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={meta.descriptionId} className="mt-1 text-xs text-slate-500">
      {children}
    </p>
  );
}

export function FieldErrors({ meta, className }: { meta: AnyField; className?: string }) {
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className={cn("mt-1 text-sm text-red-700", className)}>
      {meta.errors.join(". ")}
    </p>
  );
}
