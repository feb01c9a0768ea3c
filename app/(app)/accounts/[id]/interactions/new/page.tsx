import type { Metadata } from "next";
import Link from "next/link";
import { InteractionForm } from "@/components/interactions/interaction-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary, getAttendeeOptions } from "@/lib/data/accounts";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { logInteractionAction } from "./actions";

export const metadata: Metadata = { title: "Log an interaction" };

export default async function NewInteractionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const options = await notFoundOnMissing(getAttendeeOptions(actor, id));
  const { account } = await getAccountSummary(actor, id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/accounts/${account.id}`} className="text-sm text-blue-800 underline">
          ← {account.name}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Log an interaction with {account.name}</h1>
        <p className="text-sm text-slate-600">Who came, what was said, and what each side owes. The account is re-diagnosed when you save.</p>
      </div>
      <InteractionForm accountId={account.id} contacts={options.contacts} itPeople={options.itPeople} action={logInteractionAction} />
    </div>
  );
}
