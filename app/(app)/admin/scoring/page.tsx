import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TaskProgress } from "@/components/tasks/task-progress";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { NotFoundError } from "@/lib/data/errors";
import { seesScoringSettings } from "@/lib/data/scoring-config";
import { type PreviewView, scoringPreview, scoringSettings } from "@/lib/data/scoring-settings";
import { recentTaskRuns } from "@/lib/data/task-runs";
import { PHRASE_CATALOGUE } from "@/lib/scoring";
import { previewDraftAction, restoreVersionAction, saveConfigAction } from "./actions";
import { DraftForm } from "./draft-form";
import { PreviewResult } from "./preview-result";
import { formValues } from "./settings-fields";
import { VersionList } from "./version-list";

export const metadata: Metadata = { title: "Scoring settings" };

const querySchema = z.object({
  preview: z.string().regex(/^[a-z0-9]{20,40}$/).optional().catch(undefined),
  saved: z.coerce.number().int().positive().optional().catch(undefined),
});

const phrases = PHRASE_CATALOGUE.map(({ id, stage, side, quote }) => ({ id, stage, side, quote }));

export default async function ScoringSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!seesScoringSettings(actor)) notFound();
  const query = querySchema.parse(await searchParams);
  const [{ inForce, versions, canEdit }, [rescore]] = await Promise.all([scoringSettings(actor), recentTaskRuns(actor, "rescore-all", 1)]);
  // An unknown or someone else's preview is simply not shown.
  const preview: PreviewView | null =
    canEdit && query.preview ? await scoringPreview(actor, query.preview).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))) : null;
  const current = versions.find((version) => version.version === inForce.version);
  const saved = query.saved ? versions.find((version) => version.version === query.saved) : undefined;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Scoring settings</h1>
        <p className="text-sm text-slate-600">
          {current
            ? (<>Version {current.version} is in force, saved by {current.createdByName ?? "a removed user"} on <LocalTime date={current.createdAt} />: “{current.reason}”.</>)
            : "The library's defaults are in force (version 0): no one has changed the configuration yet."}{" "}
          Every change is previewed on every account before it is saved.
        </p>
      </div>

      {saved && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900">
          Version {saved.version} saved. Changed: {saved.changed.length > 0 ? saved.changed.join(", ") : "nothing"}. Every account is re-diagnosed with it below.
        </div>
      )}

      <section id="rediagnosis">
        <Card title="Re-diagnosis of every account">
          {rescore ? (
            <div className="space-y-2">
              <p className="text-xs text-slate-500">
                {rescore.createdByName ? `Asked for by ${rescore.createdByName}` : "Scheduled"} on <LocalTime date={rescore.createdAt} />
                {typeof rescore.detail.configVersion === "number" ? `, for version ${rescore.detail.configVersion}` : ""}.
              </p>
              <TaskProgress key={rescore.id} run={rescore} label="Re-diagnosis" />
            </div>
          ) : (
            <p className="text-sm text-slate-600">No re-diagnosis has run yet. Saving a configuration starts one; every account is also re-diagnosed nightly.</p>
          )}
        </Card>
      </section>

      {preview && (
        <section id="preview">
          <PreviewResult preview={preview} inForceVersion={inForce.version} saveAction={saveConfigAction} />
        </section>
      )}

      {canEdit ? (
        <Card title={preview ? "Edit the draft" : "Change the configuration"}>
          <DraftForm key={preview?.id ?? `v${inForce.version}`} action={previewDraftAction} values={formValues(preview?.config ?? inForce.config)} phrases={phrases} />
        </Card>
      ) : (
        <Card title="The configuration in force">
          <p className="mb-2 text-sm text-slate-600">Only administrators change it.</p>
          <p className="mb-2 text-sm">
            Phrases switched off: {inForce.config.rules.phrases.disabled.length > 0 ? inForce.config.rules.phrases.disabled.join(", ") : "none"}.
          </p>
          {/* Focusable and named, so that a keyboard can scroll it and a screen reader can find it. */}
          <pre tabIndex={0} role="region" aria-label="The configuration in force, as JSON" className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 text-xs focus:outline-2 focus:outline-blue-700">{JSON.stringify(inForce.config, null, 2)}</pre>
        </Card>
      )}

      <VersionList versions={versions} inForceVersion={inForce.version} restoreAction={canEdit ? restoreVersionAction : null} />
    </div>
  );
}
