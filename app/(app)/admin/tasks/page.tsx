import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaskProgress } from "@/components/tasks/task-progress";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { recentTaskRuns, seesTaskRuns } from "@/lib/data/task-runs";
import { formatDateTime } from "@/lib/format";
import { redetectPhrasesAction } from "./actions";
import { RedetectForm } from "./redetect-form";

export const metadata: Metadata = { title: "Background work" };

const KIND_LABELS: Record<string, string> = {
  "rescore-all": "Re-diagnosis of every account",
  "redetect-phrases": "Re-detection of phrases",
  "scoring-preview": "Preview of scoring settings",
};

export default async function BackgroundWorkPage() {
  const actor = await requireActorOrRedirect();
  if (!seesTaskRuns(actor)) notFound();
  const runs = await recentTaskRuns(actor, undefined, 20);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Background work</h1>
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
                <li key={run.id} className="space-y-1">
                  <p className="text-sm font-medium">
                    {KIND_LABELS[run.kind] ?? run.kind} · {formatDateTime(run.createdAt)}
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
