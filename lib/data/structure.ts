import "server-only";
import { db } from "../db/client";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

// Reads for the account's Structure section (IT only: a client or another manager gets 404).

/** Analyst layer counts oldest first (a chart over time), structural events latest first. */
export async function getStructure(actor: Actor, accountId: string) {
  await openAccount(actor, accountId, canLogInteraction);
  const [layerCounts, events] = await Promise.all([
    db().analystLayerCount.findMany({
      where: { accountId, deletedAt: null },
      orderBy: [{ countedAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, countedAt: true, count: true, note: true },
    }),
    db().structuralEvent.findMany({
      where: { accountId, deletedAt: null },
      orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, kind: true, occurredAt: true, resolvedAt: true, note: true, size: true, subject: true, forced: true },
    }),
  ]);
  return { layerCounts, events };
}

export type StructuralEventView = Awaited<ReturnType<typeof getStructure>>["events"][number];
export type LayerCountView = Awaited<ReturnType<typeof getStructure>>["layerCounts"][number];
