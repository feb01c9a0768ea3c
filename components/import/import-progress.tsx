"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { CsvImportView } from "@/lib/data/csv-imports";
import { failedText, importedText } from "./wording";

/** What /api/imports/[id] answers, and what the bar needs of the import. */
export type ImportProgressState = Pick<CsvImportView, "status" | "done" | "total" | "result" | "error">;

const POLL_MS = 1000;
const finished = (state: ImportProgressState) => state.status === "SUCCEEDED" || state.status === "FAILED";

function statusText(state: ImportProgressState, fileName: string): string {
  switch (state.status) {
    case "STAGED":
    case "QUEUED":
      return `Importing ${fileName}: waiting to start…`;
    case "RUNNING":
      return state.total ? `Importing ${fileName}: ${state.done.toLocaleString("en")} of ${state.total.toLocaleString("en")} rows…` : `Importing ${fileName}: started…`;
    case "SUCCEEDED":
      return state.result ? importedText(fileName, state.result) : `Imported ${fileName}.`;
    case "FAILED":
      return failedText(state.error);
  }
}

/**
 * A queued or running import's progress, polling /api/imports/[id] every second until it ends,
 * then refreshing the page, which shows the outcome with its links. Screen readers hear the
 * start and the end, not every row; the bar carries the numbers. Without JavaScript it says to
 * reload.
 */
export function ImportProgress({ importId, fileName, initial }: { importId: string; fileName: string; initial: ImportProgressState }) {
  const [state, setState] = useState(initial);
  const router = useRouter();
  const wasFinished = useRef(finished(initial));
  const hydrated = useHydrated();

  useEffect(() => {
    if (finished(state)) {
      if (!wasFinished.current) router.refresh();
      wasFinished.current = true;
      return;
    }
    wasFinished.current = false;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/imports/${importId}`, { signal: controller.signal, cache: "no-store" });
        if (response.ok) setState((await response.json()) as ImportProgressState);
        else setState((current) => ({ ...current })); // try again after the next interval
      } catch {
        if (!controller.signal.aborted) setState((current) => ({ ...current }));
      }
    }, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [state, importId, router]);

  const percent = state.status === "SUCCEEDED" ? 100 : state.total ? Math.round((Math.min(state.done, state.total) / state.total) * 100) : null;
  const failed = state.status === "FAILED";
  const valueText = percent !== null ? `${percent}%` : failed ? "failed" : state.status === "RUNNING" ? "started" : "not started yet";
  return (
    <div className="space-y-2" data-import-status={state.status}>
      <ProgressBar label={`Importing ${fileName}`} percent={percent} valueText={valueText} failed={failed} />
      <p role="status" aria-live="polite" className={`text-sm ${failed ? "text-red-800" : "text-slate-700"}`}>
        {state.status === "RUNNING" ? <span aria-hidden="true">{statusText(state, fileName)}</span> : statusText(state, fileName)}
      </p>
      {!finished(state) && !hydrated && <p className="text-xs text-slate-600">This page does not update by itself without JavaScript: reload it to see how far the import has got.</p>}
    </div>
  );
}
