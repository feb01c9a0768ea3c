import { LocalTime } from "@/components/ui/local-time";
/** A stored diagnosis that failed its schema: said plainly, instead of a crashed page. */
export function UnreadableDiagnosis({ computedAt }: { computedAt: Date }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">This diagnosis could not be read.</p>
      <p className="mt-1">
        The diagnosis stored <LocalTime date={computedAt} /> is damaged or in a format this version of Rapport does not know. The next
        re-diagnosis replaces it: log an interaction, or wait for the scheduled rescore.
      </p>
    </div>
  );
}
