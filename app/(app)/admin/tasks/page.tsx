import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TaskProgress } from "@/components/tasks/task-progress";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { recentTaskRuns, seesTaskRuns } from "@/lib/data/task-runs";
import { redetectPhrasesAction } from "./actions";
import { RedetectForm } from "./redetect-form";
import { QUEUED_NOTICE } from "./redetect-schema";

export const metadata: Metadata = { title: "Background work" };

const KIND_LABELS: Record<string, string> = {
  "rescore-all": "Re-diagnosis of every account",
  "redetect-phrases": "Re-detection of phrases",
  "scoring-preview": "Preview of scoring settings",
};

const querySchema = z.object({ queued: z.string().regex(/^[a-z0-9]{20,40}$/).optional().catch(undefined) });

export default async function BackgroundWorkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!seesTaskRuns(actor)) notFound();
  const query = querySchema.parse(await searchParams);
  const runs = await recentTaskRuns(actor, undefined, 20);
  // Just after "Re-detect phrases now" (which comes back here): said on the page, not only in a toast.
  const queued = query.queued ? runs.find((run) => run.id === query.queued && run.kind === "redetect-phrases") : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Background work</h1>
      {queued && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900">
          {QUEUED_NOTICE} Its progress is under “Recent runs”.
        </div>
      )}
      {actor.role === "ADMIN" && (
        <Card title="Re-detect phrases">
          <p className="mb-3 text-sm">
            This happens by itself when a new phrase engine starts. Ask for it here if stored phrases look out of date.
          </p>
          <RedetectForm action={redetectPhrasesAction} />
        </Card>
      )}
      <Card title="Recent runs">
        <div id="runs">
          {runs.length === 0 ? (
            <p className="text-sm">Nothing has run yet. Saving scoring settings or re-detecting phrases starts a run, shown here with its progress.</p>
          ) : (
            <ul className="space-y-4">
              {runs.map((run) => (
                <li key={run.id} id={`run-${run.id}`} className="space-y-1">
                  <p className="text-sm font-medium">
                    {KIND_LABELS[run.kind] ?? run.kind} · <LocalTime date={run.createdAt} />
                    {run.createdByName ? ` · asked by ${run.createdByName}` : ""}
                  </p>
                  <TaskProgress key={run.id} run={run} label={KIND_LABELS[run.kind] ?? run.kind} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
    </div>
  );
}
