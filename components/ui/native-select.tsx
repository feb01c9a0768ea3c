import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClass } from "./input";

export type Option = { value: string; label: string };

/**
 * A native <select>: it posts without JavaScript and is the right control on phones. Use the
 * Radix `Select` only where a form needs richer options and may depend on JavaScript.
 */
export function NativeSelect({ options, placeholder, className, ...props }: ComponentProps<"select"> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <select className={cn(controlClass, className)} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
