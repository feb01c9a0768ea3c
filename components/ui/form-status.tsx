/** The form's overall result, announced to screen readers as it changes. */
export function FormStatus({ state }: { state: { ok: boolean; message: string } | null }) {
  return (
    <div aria-live="polite" role="status" className="min-h-6">
      {state && (
        <p className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>{state.message}</p>
      )}
    </div>
  );
}
