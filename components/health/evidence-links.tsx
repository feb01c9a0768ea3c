import Link from "next/link";
import type { EvidenceSources } from "@/lib/data/evidence-sources";
import type { Diagnosis } from "@/lib/scoring";

const SHOWN = 5;

/** Each quote's interaction, from the phrases heard, so that a quote and its interaction are linked once. */
export function quoteHosts(...phrases: Diagnosis["phrases"][]): Map<string, string> {
  return new Map(phrases.flat().flatMap((hit) => (hit.interactionId ? [[hit.source.id, hit.interactionId] as const] : [])));
}

/**
 * The records behind one piece of evidence, each named ("Meeting, 3 Mar 2026: Quarterly review")
 * and linked to where it is shown, however old. A quote stands for its interaction, so the two are
 * not both listed; records deleted since the diagnosis are counted, not linked.
 */
export function EvidenceLinks({ sourceIds, sources, hostOf }: { sourceIds: string[]; sources: EvidenceSources; hostOf: Map<string, string> }) {
  const quoted = new Set(sourceIds.map((id) => hostOf.get(id)).filter(Boolean));
  const shown = sourceIds.filter((id) => !quoted.has(id));
  const found = shown.flatMap((id) => (sources[id] ? [{ id, ...sources[id] }] : []));
  const gone = shown.length - found.length;
  if (shown.length === 0) return null;
  const link = ({ id, href, name }: (typeof found)[number]) => (
    <li key={id}>
      <Link href={href} className="text-blue-800 underline underline-offset-2">
        {name}
      </Link>
    </li>
  );
  return (
    <div className="mt-1 text-xs text-slate-600">
      <ul className="list-inside list-disc space-y-0.5">{found.slice(0, SHOWN).map(link)}</ul>
      {found.length > SHOWN && (
        <details className="mt-0.5">
          <summary className="cursor-pointer text-blue-800">{found.length - SHOWN} more</summary>
          <ul className="list-inside list-disc space-y-0.5">{found.slice(SHOWN).map(link)}</ul>
        </details>
      )}
      {gone > 0 && <p className="text-slate-500">{gone === 1 ? "One record" : `${gone} records`} since deleted or withdrawn.</p>}
    </div>
  );
}
