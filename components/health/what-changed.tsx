import { LocalTime } from "@/components/ui/local-time";
import { PhraseSource } from "@/components/health/diagnosis-panel";
import { EvidenceLinks, quoteHosts } from "@/components/health/evidence-links";
import { HoldNotice } from "@/components/health/hold-notice";
import { StageBadge } from "@/components/health/stage-badge";
import { EmptyState } from "@/components/ui/card";
import type { Comparison } from "@/lib/data/diagnoses";
import type { EvidenceSources } from "@/lib/data/evidence-sources";
import { shownPhrases } from "@/lib/data/evidence-shown";
import { formatDate } from "@/lib/format";
import { STAGE_LABELS, type Diagnosis, type Evidence } from "@/lib/scoring";
import { evidenceMoved } from "@/lib/scoring/diff";

/** The card's title: it names the diagnosis compared with. */
export function whatChangedTitle(comparison: Comparison): string {
  return comparison.kind === "first" ? "What changed" : `What changed since ${formatDate(comparison.since)}`;
}

/** What the current diagnosis says that the one before did not, with the records behind each change. */
export function WhatChanged({ diagnosis, comparison, sources }: { diagnosis: Diagnosis; comparison: Comparison; sources: EvidenceSources }) {
  return (
    <div className="space-y-4 text-sm">
      <HoldNotice stage={diagnosis.stage} hold={diagnosis.hold} />
      {comparison.kind === "first" && (
        <EmptyState title="No earlier diagnosis to compare with yet">Changes show here once the diagnosis moves: a rating, an interaction or a record that tells something new.</EmptyState>
      )}
      {comparison.kind === "unreadable" && (
        <p role="alert" className="text-amber-900">
          The earlier diagnosis, of <LocalTime date={comparison.since} />, could not be read, so there is nothing to compare with.
        </p>
      )}
      {comparison.kind === "diff" && <Changes diagnosis={diagnosis} comparison={comparison} sources={sources} />}
    </div>
  );
}

function Changes({ diagnosis, comparison, sources }: { diagnosis: Diagnosis; comparison: Extract<Comparison, { kind: "diff" }>; sources: EvidenceSources }) {
  const { diff, previous, configVersions } = comparison;
  const hostOf = quoteHosts(diagnosis.phrases, previous.phrases);
  const links = (sourceIds: string[]) => <EvidenceLinks sourceIds={sourceIds} sources={sources} hostOf={hostOf} />;
  const { delta } = diff.score;
  const heard = shownPhrases(diff.phrasesHeard);
  return (
    <>
      <p className="text-slate-600">
        Compared with the diagnosis of <LocalTime date={comparison.since} />; it moved <LocalTime date={comparison.movedAt} />.
      </p>
      {configVersions.from !== configVersions.to && (
        <p className="text-slate-600">
          The scoring settings changed in between (version {configVersions.from} → {configVersions.to}), so part of the move may be theirs.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Stage</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-1">
            {diff.stage ? (
              <>
                <StageBadge stage={diff.stage.from} /> <span aria-label="to">→</span> <StageBadge stage={diff.stage.to} />
              </>
            ) : (
              <>
                <StageBadge stage={diagnosis.stage} /> <span className="text-xs text-slate-500">unchanged</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Score</dt>
          <dd className="mt-1 font-semibold">
            {diff.score.from ?? "–"} → {diff.score.to ?? "–"}
            {delta !== null && delta !== 0 && <span className={delta > 0 ? "text-green-800" : "text-red-800"}> ({delta > 0 ? `+${delta}` : `−${-delta}`})</span>}
          </dd>
        </div>
      </dl>
      {!evidenceMoved(diff) && <p className="text-slate-600">No evidence was added, removed or reweighted: the records counted changed.</p>}
      <ChangeList title="New evidence" items={diff.added.map((item) => ({ item, detail: links(item.sourceIds) }))} />
      <ChangeList
        title="Reads differently"
        items={diff.changed.map((change) => ({
          item: change.after,
          detail: (
            <>
              <p className="text-xs text-slate-600">
                {change.weightDelta !== 0 ? `Weight ${change.before.weight} → ${change.after.weight}` : `Weight ${change.after.weight}, unchanged`}
                {change.before.stage !== change.after.stage && `, was ${STAGE_LABELS[change.before.stage].toLowerCase()}`}
                {change.before.message !== change.after.message && `; was: ${change.before.message}`}
              </p>
              {change.newSourceIds.length > 0 && links(change.newSourceIds)}
            </>
          ),
        }))}
      />
      <ChangeList title="No longer seen" items={diff.removed.map((item) => ({ item, detail: links(item.sourceIds) }))} />
      {heard.hits.length > 0 && (
        <section>
          <h3 className="mb-1 font-semibold text-slate-800">Newly heard</h3>
          <ul className="space-y-1">
            {heard.hits.map((hit) => (
              <li key={`${hit.source.id}-${hit.phraseId}`}>
                <PhraseSource source={sources[hit.source.id] ?? (hit.interactionId ? sources[hit.interactionId] : undefined)}>&ldquo;{hit.matchedText}&rdquo;</PhraseSource>{" "}
                <span className="text-xs text-slate-500">
                  ({hit.side === "IT" ? "IT" : "the business"}, {STAGE_LABELS[hit.stage].toLowerCase()})
                </span>
              </li>
            ))}
          </ul>
          {heard.more > 0 && <p className="mt-1 text-xs text-slate-500">And {heard.more} more.</p>}
        </section>
      )}
    </>
  );
}

function ChangeList({ title, items }: { title: string; items: { item: Pick<Evidence, "signal" | "stage" | "message">; detail: React.ReactNode }[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3 className="mb-1 font-semibold text-slate-800">{title}</h3>
      <ul className="space-y-2">
        {items.map(({ item, detail }, index) => (
          <li key={`${item.signal}-${index}`} className="grid grid-cols-[6.5rem_1fr] items-start gap-x-3">
            <span>
              <StageBadge stage={item.stage} />
            </span>
            <div className="min-w-0">
              {item.message}
              {detail}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
