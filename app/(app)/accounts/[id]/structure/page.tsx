import type { Metadata } from "next";
import { LayerCountForm } from "@/components/structure/layer-count-form";
import { LayerCountList } from "@/components/structure/layer-count-list";
import { StructuralEventForm } from "@/components/structure/structural-event-form";
import { StructuralEventList } from "@/components/structure/structural-event-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getStructure } from "@/lib/data/structure";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import {
  createLayerCountAction,
  createStructuralEventAction,
  deleteLayerCountAction,
  deleteStructuralEventAction,
  resolveStructuralEventAction,
  updateLayerCountAction,
  updateStructuralEventAction,
} from "./actions";

export const metadata: Metadata = { title: "Structure" };

/** Structural signs of breakdown (article 001), for IT with full access (others get 404). */
export default async function StructurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { layerCounts, events } = await notFoundOnMissing(getStructure(actor, id));
  const today = dateInputValue(new Date());

  return (
    <div className="space-y-6">
      <Card title="Layers between users and developers">
        <p className="mb-4 text-sm text-slate-600">
          Article 001: analysts brought in “to bridge the gap between the business and IT” multiply until there are “six or seven layers between the user and developer,
          making requirements gathering into a hopeless game of telephone.” Count them now and then.
        </p>
        {layerCounts.length === 0 ? (
          <EmptyState title="No layers counted yet">Record how many layers stand between this unit&apos;s users and IT&apos;s developers today; count again when that changes.</EmptyState>
        ) : (
          <LayerCountList actor={actor} counts={layerCounts} today={today} actions={{ update: updateLayerCountAction, remove: deleteLayerCountAction }} />
        )}
        <section aria-labelledby="record-layer-count" className="mt-6 border-t border-slate-100 pt-4">
          <h3 id="record-layer-count" className="mb-3 text-sm font-semibold text-slate-800">
            Record a count
          </h3>
          <LayerCountForm accountId={id} today={today} action={createLayerCountAction} />
        </section>
      </Card>

      <Card title="Structural events">
        {events.length === 0 ? (
          <EmptyState title="No structural signs recorded">
            Record it when IT imposes a methodology, the business builds its own solution or team, consultants come in, IT is told to say no or avoids the client, IT&apos;s
            leadership changes, or outsourcing is decided. Until then the diagnosis knows nothing of them either way.
          </EmptyState>
        ) : (
          <StructuralEventList actor={actor} events={events} today={today} actions={{ update: updateStructuralEventAction, resolve: resolveStructuralEventAction, remove: deleteStructuralEventAction }} />
        )}
        <section aria-labelledby="record-structural-event" className="mt-6 border-t border-slate-100 pt-4">
          <h3 id="record-structural-event" className="mb-3 text-sm font-semibold text-slate-800">
            Record an event
          </h3>
          <StructuralEventForm accountId={id} today={today} action={createStructuralEventAction} />
        </section>
      </Card>
    </div>
  );
}
