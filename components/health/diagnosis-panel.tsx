import { LocalTime } from "@/components/ui/local-time";
import { EvidenceLinks, quoteHosts } from "@/components/health/evidence-links";
import { StageBadge } from "@/components/health/stage-badge";
import { EmptyState } from "@/components/ui/card";
import { STAGE_LABELS, type Diagnosis } from "@/lib/scoring";
import type { EvidenceSources } from "@/lib/data/evidence-sources";
import { shownPhrases } from "@/lib/data/evidence-shown";

const TREND_TEXT = { improving: "Improving", recovering: "Recovering", stable: "Stable", worsening: "Worsening", unknown: "Not enough history" } as const;

/**
 * Why the account is at its stage (evidence, each with the records behind it), where it is
 * heading (trend) and what to do (treatments, each linked to planning it as an action when
 * `planHref` is given). `sources` names and links those records.
 */
export function DiagnosisPanel({ diagnosis, sources, planHref }: { diagnosis: Diagnosis | null; sources: EvidenceSources; planHref?: (treatmentId: string) => string }) {
  if (!diagnosis) {
    return <EmptyState title="No diagnosis yet">Log an interaction or ask the client for a rating to get one.</EmptyState>;
  }
  const hostOf = quoteHosts(diagnosis.phrases);
  const business = diagnosis.phrases.filter((hit) => hit.side === "BUSINESS");
  const it = diagnosis.phrases.filter((hit) => hit.side === "IT");
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Stage">
          <StageBadge stage={diagnosis.stage} />
        </Stat>
        <Stat label="Score">{diagnosis.score ?? "–"}</Stat>
        <Stat label="Confidence">{Math.round(diagnosis.confidence * 100)}%</Stat>
        <Stat label="Trend">
          {TREND_TEXT[diagnosis.trend.direction]}
          {diagnosis.trend.nextStage && (
            <span className="block text-xs font-normal text-slate-500">
              Risk of {STAGE_LABELS[diagnosis.trend.nextStage].toLowerCase()}: {Math.round(diagnosis.trend.riskOfNextStage * 100)}%
            </span>
          )}
        </Stat>
      </dl>

      <section aria-labelledby="evidence-heading">
        <h3 id="evidence-heading" className="mb-2 text-sm font-semibold text-slate-800">
          Evidence
        </h3>
        {diagnosis.evidence.length === 0 ? (
          <p className="text-sm text-slate-500">No symptoms found.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {diagnosis.evidence.map((item, index) => (
              <li key={`${item.signal}-${index}`} className="flex items-start gap-3">
                <span className="w-28 shrink-0">
                  <StageBadge stage={item.stage} />
                </span>
                <div>
                  {item.message}
                  <EvidenceLinks sourceIds={item.sourceIds} sources={sources} hostOf={hostOf} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="phrases-heading" className="grid gap-4 sm:grid-cols-2">
        <h3 id="phrases-heading" className="sr-only">
          Phrases heard
        </h3>
        <PhraseList title="Heard from the business" hits={business} sources={sources} />
        <PhraseList title="Heard from IT" hits={it} sources={sources} />
      </section>

      <section aria-labelledby="treatments-heading">
        <h3 id="treatments-heading" className="mb-2 text-sm font-semibold text-slate-800">
          Treatments
        </h3>
        <ol className="space-y-3 text-sm">
          {diagnosis.treatments.map((treatment) => (
            <li key={treatment.id} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">{treatment.title}</p>
              <p className="text-slate-700">{treatment.action}</p>
              <p className="mt-1 text-xs text-slate-500">
                Why: {treatment.why} <span className="italic">({treatment.article})</span>
              </p>
              {planHref && (
                // A plain anchor: the action plan opens at its form (#plan), as the browser scrolls to it.
                <a href={planHref(treatment.id)} className="mt-1 inline-block text-xs text-blue-800 underline">
                  Plan it as an action<span className="sr-only">: {treatment.title}</span>
                </a>
              )}
            </li>
          ))}
        </ol>
      </section>
      <p className="text-xs text-slate-500">Computed <LocalTime date={new Date(diagnosis.computedAt)} />.</p>
    </div>
  );
}

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold">{children}</dd>
    </div>
  );
}

/** The newest phrases heard on one side (a long history hears hundreds), the rest counted. */
function PhraseList({ title, hits: all, sources }: { title: string; hits: Diagnosis["phrases"]; sources: EvidenceSources }) {
  const { hits, more } = shownPhrases(all);
  return (
    <div>
      <h4 className="mb-1 text-sm font-medium text-slate-700">{title}</h4>
      {hits.length === 0 ? (
        <p className="text-sm text-slate-500">No tell-tale phrases.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {hits.map((hit) => (
            <li key={`${hit.source.id}-${hit.phraseId}`}>
              <PhraseSource source={sources[hit.source.id] ?? (hit.interactionId ? sources[hit.interactionId] : undefined)}>&ldquo;{hit.matchedText}&rdquo;</PhraseSource>{" "}
              <span className="text-xs text-slate-500">({STAGE_LABELS[hit.stage].toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="mt-1 text-xs text-slate-500">And {more} heard earlier.</p>}
    </div>
  );
}

/**
 * The words heard, linked to the record they were heard in (unless it was deleted since). A plain
 * anchor, like the evidence links (evidence-links.tsx): the browser's fragment navigation lands on
 * the record and sets :target.
 */
export function PhraseSource({ source, children }: { source: EvidenceSources[string] | undefined; children: React.ReactNode }) {
  if (!source) return <span className="text-slate-800">{children}</span>;
  return (
    <a href={source.href} className="text-slate-800 hover:underline">
      {children}
      <span className="sr-only"> ({source.name})</span>
    </a>
  );
}
