import type { EvidenceSources } from "@/lib/data/evidence-sources";
import { shownSourceIds } from "@/lib/data/evidence-shown";

export { quoteHosts } from "@/lib/data/evidence-shown";

const SHOWN = 5;

const records = (n: number) => (n === 1 ? "One record" : `${n} records`);

/**
 * The records behind one piece of evidence, each named ("Meeting, 3 Mar 2026: Quarterly review")
 * and linked to where it is shown, however old. A quote stands for its interaction, so the two are
 * not both listed; records deleted since the diagnosis are counted, not linked. Of a long history
 * only the first LINKS_PER_ITEM are named (evidence-shown.ts); the rest are counted.
 */
export function EvidenceLinks({ sourceIds, sources, hostOf }: { sourceIds: string[]; sources: EvidenceSources; hostOf: Map<string, string> }) {
  const { ids, more } = shownSourceIds(sourceIds, hostOf);
  const found = ids.flatMap((id) => (sources[id] ? [{ id, ...sources[id] }] : []));
  const gone = ids.length - found.length;
  if (ids.length === 0) return null;
  // Plain anchors, not next/link: most lead to a record on this page (#record-<id>), where the
  // browser's own fragment navigation sets :target (the highlight) and opens the <details> around
  // it; a page holds a hundred of them, each a client component to serialise and hydrate otherwise.
  // Their styles are the wrapper's (.evidence-links in app/globals.css), not classes on each link.
  // Keyed by position: a record's 25-character id as the key, too, was paid again in the payload.
  const link = ({ href, name }: (typeof found)[number], index: number) => (
    <li key={index}>
      <a href={href}>{name}</a>
    </li>
  );
  return (
    <div className="evidence-links">
      <ul>{found.slice(0, SHOWN).map(link)}</ul>
      {found.length > SHOWN && (
        <details>
          <summary>{`${found.length - SHOWN + more} more`}</summary>
          <ul>{found.slice(SHOWN).map(link)}</ul>
          {more > 0 && <p>{records(more)} more, not listed here.</p>}
        </details>
      )}
      {found.length <= SHOWN && more > 0 && <p>{records(more)} more, not listed here.</p>}
      {gone > 0 && <p>{records(gone)} since deleted or withdrawn.</p>}
    </div>
  );
}
