import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import { LocalTime } from "@/components/ui/local-time";
import type { Actor } from "@/lib/data/permissions";
import type { StageOverrideView } from "@/lib/data/stage-overrides";
import { formatDate } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/scoring";
import { lastDayOf } from "@/lib/validation/stage-override";

const STATUS_TEXT = { active: "in force", ended: "ended", lapsed: "lapsed" } as const;

/** Every override the account has had, newest first: who set it, why, until when, and how it ended. */
export function StageOverrideHistory({ actor, overrides }: { actor: Actor; overrides: StageOverrideView[] }) {
  if (overrides.length === 0) return null;
  return (
    <Disclosure summary={`Override history (${overrides.length})`}>
      <ol className="max-w-3xl space-y-3 text-sm">
        {overrides.map((o) => (
          <li key={o.id} id={`record-${o.id}`} className="rounded-md border border-slate-200 p-3">
            <p>
              <span className="font-medium">{STAGE_LABELS[o.stage]}</span>, until {formatDate(lastDayOf(o.expiresAt))}{" "}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{STATUS_TEXT[o.status]}</span>{" "}
              <HistoryLink actor={actor} entityType="StageOverride" entityId={o.id} label={`the ${STAGE_LABELS[o.stage]} override of ${formatDate(o.createdAt)}`} />
            </p>
            <p className="text-slate-600">
              Set by {o.byName ?? "a former user"} on <LocalTime date={o.createdAt} />: <q className="text-slate-800">{o.reason}</q>
            </p>
            {o.endedAt && (
              <p className="text-slate-600">
                Ended by {o.endedByName ?? "a former user"} on <LocalTime date={o.endedAt} />
                {o.endReason ? (
                  <>
                    : <q className="text-slate-800">{o.endReason}</q>
                  </>
                ) : null}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}
