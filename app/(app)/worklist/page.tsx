import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Worklist } from "@/components/worklist/worklist";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";
import { getWorklist } from "@/lib/data/worklist";
import { completeFollowUpAction } from "../accounts/[id]/follow-ups/actions";

export const metadata: Metadata = { title: "Worklist" };

/** A relationship manager's landing page; the CIO and admins may open theirs too (decision 024). */
export default async function WorklistPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  const list = await getWorklist(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Your worklist</h1>
      <Worklist list={list} completeFollowUp={completeFollowUpAction} />
    </div>
  );
}
