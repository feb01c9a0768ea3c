import type { ComponentProps, ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600";

/** Ids that tie a control to its hint and error, for aria-describedby. */
export function describedBy(name: string, hint?: ReactNode, errors?: string[]) {
  return [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ name, hint, errors }: { name: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(". ")}
        </p>
      ) : null}
    </>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

/** Label above, hint and errors below, and the attributes that tie them to the control. */
function Field({ name, label, hint, errors, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({
        id: name,
        name,
        className: inputClass,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": describedBy(name, hint, errors),
      })}
      <FieldMessages name={name} hint={hint} errors={errors} />
    </div>
  );
}

interface ControlProps {
  id: string;
  name: string;
  className: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export function TextField({ name, label, hint, errors, ...input }: FieldProps & ComponentProps<"input">) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}

export function TextAreaField({ name, label, hint, errors, ...textarea }: FieldProps & ComponentProps<"textarea">) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(control) => <textarea {...control} {...textarea} />}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  options,
  placeholder,
  ...select
}: FieldProps & ComponentProps<"select"> & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(control) => (
        <select {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
