"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { TaskRunView } from "@/lib/data/task-runs";

/** What the bar needs of a run; the route answers with the whole TaskRunView as JSON. */
export type TaskProgressRun = Pick<TaskRunView, "id" | "status" | "total" | "done" | "detail" | "error">;

const POLL_MS = 1000;
const subscribeNever = () => () => undefined;
const finished = (run: TaskProgressRun) => run.status === "SUCCEEDED" || run.status === "FAILED";

/** The run's own account of what it did (`detail.summary`, written by the job), if any. */
const summaryOf = (run: TaskProgressRun) => (typeof run.detail.summary === "string" ? run.detail.summary : null);

function statusText(run: TaskProgressRun, label: string): string {
  switch (run.status) {
    case "QUEUED":
      return `${label}: waiting to start…`;
    case "RUNNING":
      return run.total ? `${label}: ${run.done} of ${run.total}…` : `${label}: started…`;
    case "SUCCEEDED":
      return summaryOf(run) ?? `${label}: done.`;
    case "FAILED":
      return `${label} failed: ${run.error ?? "unknown error"}. It is retried automatically; the next scheduled run also catches up.`;
  }
}

/**
 * A background run's progress bar, polling /api/tasks/[id] until the run finishes, then saying what
 * it did and refreshing the page (whose data the run changed). Screen readers hear the start and
 * the end (not every tick); the bar itself carries the numbers. Without JavaScript it says to
 * reload. Give it `key={run.id}` so that a new run starts a new bar.
 */
export function TaskProgress({ run: initial, label }: { run: TaskProgressRun; label: string }) {
  const [run, setRun] = useState(initial);
  const router = useRouter();
  const wasFinished = useRef(finished(initial));
  // False as served (and while hydrating), true once React runs in the browser.
  const live = useSyncExternalStore(subscribeNever, () => true, () => false);

  useEffect(() => {
    if (finished(run)) {
      if (!wasFinished.current) router.refresh();
      wasFinished.current = true;
      return;
    }
    wasFinished.current = false;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/tasks/${run.id}`, { signal: controller.signal, cache: "no-store" });
        if (response.ok) setRun((await response.json()) as TaskProgressRun);
        else setRun((current) => ({ ...current })); // try again after the next interval
      } catch {
        if (!controller.signal.aborted) setRun((current) => ({ ...current }));
      }
    }, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [run, router]);

  // A finished run is complete even when it counted no steps (a preview reports only its end).
  const percent = run.status === "SUCCEEDED" ? 100 : run.total ? Math.round((Math.min(run.done, run.total) / run.total) * 100) : null;
  const failed = run.status === "FAILED";
  return (
    <div className="space-y-2" data-task-status={run.status}>
      <ProgressBar
        label={label}
        percent={percent}
        valueText={percent !== null ? `${percent}%` : run.status === "QUEUED" ? "not started yet" : failed ? "failed" : "started"}
        failed={failed}
      />
      <p role="status" aria-live="polite" className={`text-sm ${failed ? "text-red-800" : "text-slate-700"}`}>
        {finished(run) || run.status === "QUEUED" ? statusText(run, label) : <span aria-hidden="true">{statusText(run, label)}</span>}
      </p>
      {/* Not a <noscript>: React leaves a client component's <noscript> empty in the served HTML.
          Shown as served, gone once the bar runs (hydrated): only a page without JavaScript keeps it. */}
      {!finished(run) && !live && <p className="text-xs text-slate-600">This page does not update by itself without JavaScript: reload it to see how far the work has got.</p>}
    </div>
  );
}
