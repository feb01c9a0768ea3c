import { type FieldMetadata, getCollectionProps } from "@conform-to/react";
import { FieldGroup } from "@/components/ui/field";

/** A row of radio buttons (1–5 or 0–10): quick with a mouse, arrow keys move between them. */
export function ScoreChoice({
  meta,
  legend,
  min,
  max,
  lowLabel,
  highLabel,
  required,
}: {
  meta: FieldMetadata<unknown>;
  legend: string;
  min: number;
  max: number;
  lowLabel: string;
  highLabel: string;
  required?: boolean;
}) {
  const values = Array.from({ length: max - min + 1 }, (_, index) => String(min + index));
  const radios = getCollectionProps(meta, { type: "radio", options: values, ariaAttributes: false });
  return (
    <FieldGroup
      meta={meta}
      legend={
        <>
          {legend} {!required && <span className="font-normal text-slate-500">(optional)</span>}
        </>
      }
      hint={`${min} = ${lowLabel}, ${max} = ${highLabel}`}
    >
      <div className="mt-1 flex flex-wrap gap-1">
        {radios.map(({ key, ...radio }) => (
          <label key={key ?? radio.value} className="cursor-pointer">
            <input {...radio} className="peer sr-only" />
            <span className="flex size-10 items-center justify-center rounded-md border border-slate-300 text-sm peer-checked:border-blue-700 peer-checked:bg-blue-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-blue-600">
              {radio.value}
            </span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
