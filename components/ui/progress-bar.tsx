/**
 * A progress bar with its numbers for assistive technology: `percent` null is "under way, amount
 * unknown" (a pulsing quarter bar), said by `valueText`. It announces nothing itself: the caller's
 * status line says the start and the end.
 */
export function ProgressBar({ label, percent, valueText, failed = false }: { label: string; percent: number | null; valueText: string; failed?: boolean }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full transition-[width] ${failed ? "bg-red-600" : "bg-sky-700"} ${percent === null ? "w-1/4 animate-pulse" : ""}`}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
