import { FieldMessages } from "@/components/ui/field";

/** A row of radio buttons (1–5 or 0–10): quick with a mouse, arrow keys move between them. */
export function ScoreChoice({
  name,
  legend,
  min,
  max,
  lowLabel,
  highLabel,
  errors,
  required,
}: {
  name: string;
  legend: string;
  min: number;
  max: number;
  lowLabel: string;
  highLabel: string;
  errors?: string[];
  required?: boolean;
}) {
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <fieldset aria-describedby={errors?.length ? `${name}-error` : `${name}-hint`} aria-invalid={errors?.length ? true : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-700">
        {legend} {!required && <span className="font-normal text-slate-500">(optional)</span>}
      </legend>
      <div className="flex flex-wrap gap-1">
        {values.map((value) => (
          <label key={value} className="cursor-pointer">
            <input type="radio" name={name} value={value} className="peer sr-only" />
            <span className="flex size-10 items-center justify-center rounded-md border border-slate-300 text-sm peer-checked:border-blue-700 peer-checked:bg-blue-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-blue-600">
              {value}
            </span>
          </label>
        ))}
      </div>
      <FieldMessages name={name} hint={`${min} = ${lowLabel}, ${max} = ${highLabel}`} errors={errors} />
    </fieldset>
  );
}
