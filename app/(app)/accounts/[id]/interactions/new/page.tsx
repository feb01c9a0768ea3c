import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { type InteractionPrefill, InteractionForm } from "@/components/interactions/interaction-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/data/permissions";
import { getAccountSummary, getAttendeeOptions } from "@/lib/data/accounts";
import { NotFoundError } from "@/lib/data/errors";
import { getFollowUpForEdit } from "@/lib/data/follow-ups";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { formatDate } from "@/lib/format";
import { idSchema } from "@/lib/validation/fields";
import { logInteractionAction } from "./actions";

export const metadata: Metadata = { title: "Log an interaction" };

const searchSchema = z.object({ chase: idSchema.optional().catch(undefined) });

/** The open follow-up the client owes this account that the worklist's "Log the chase" names, if any. */
async function chased(actor: Actor, accountId: string, followUpId: string | undefined) {
  if (!followUpId) return undefined;
  const followUp = await getFollowUpForEdit(actor, followUpId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });
  return followUp && followUp.accountId === accountId && followUp.owedBy === "BUSINESS" && !followUp.doneAt ? followUp : undefined;
}

export default async function NewInteractionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const options = await notFoundOnMissing(getAttendeeOptions(actor, id));
  const { account } = await getAccountSummary(actor, id);
  const chase = await chased(actor, account.id, searchSchema.parse(await searchParams).chase);
  const prefill: InteractionPrefill | undefined = chase && { type: "EMAIL", summary: `Chased: ${chase.description}`.slice(0, 200) };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/accounts/${account.id}`} className="text-sm text-blue-800 underline">
          ← {account.name}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Log an interaction with {account.name}</h1>
        <p className="text-sm text-slate-600">Who came, what was said, and what each side owes. The account is re-diagnosed when you save.</p>
        {chase && (
          <p role="note" className="mt-2 rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
            Chasing “{chase.description}”, owed by the client, due {formatDate(chase.dueDate)}. When it arrives, mark it done on the timeline.
          </p>
        )}
      </div>
      <InteractionForm accountId={account.id} contacts={options.contacts} itPeople={options.itPeople} action={logInteractionAction} prefill={prefill} />
    </div>
  );
}
