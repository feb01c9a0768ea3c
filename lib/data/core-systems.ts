import "server-only";
import { db } from "../db/client";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

/** The unit's live core systems by name, for IT (the settings page, and SLA and incident forms). */
export async function listCoreSystems(actor: Actor, accountId: string) {
  await openAccount(actor, accountId, canLogInteraction);
  return db().coreSystem.findMany({
    where: { accountId, deletedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, updatedAt: true },
  });
}
