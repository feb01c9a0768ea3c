import "server-only";
import { db } from "../db/client";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

// Reads for the account's Declined requests section (IT only: a client or another manager gets 404).

/** The requests IT declined, latest first. */
export async function getDeclinedRequests(actor: Actor, accountId: string) {
  await openAccount(actor, accountId, canLogInteraction);
  return db().declinedRequest.findMany({
    where: { accountId, deletedAt: null },
    orderBy: [{ declinedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, request: true, declinedAt: true, reasonExplained: true, reason: true },
  });
}

export type DeclinedRequestView = Awaited<ReturnType<typeof getDeclinedRequests>>[number];
