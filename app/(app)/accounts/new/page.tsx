import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewAccountForm } from "@/components/account-admin/new-account-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listManagerChoices } from "@/lib/data/account-admin";
import { managesAccounts } from "@/lib/data/permissions";
import { createAccountAction } from "./actions";

export const metadata: Metadata = { title: "New business unit" };

export default async function NewAccountPage() {
  const actor = await requireActorOrRedirect();
  if (!managesAccounts(actor)) notFound();
  const managers = await listManagerChoices(actor);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href="/dashboard" className="text-sm text-blue-800 underline">
          ← Portfolio
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">New business unit</h1>
        <p className="text-sm text-slate-600">
          A unit IT serves. Its diagnosis starts as &ldquo;insufficient data&rdquo; and fills in as IT records meetings, ratings and the other signals.
        </p>
      </div>
      <Card>
        <NewAccountForm managers={managers} action={createAccountAction} />
      </Card>
    </div>
  );
}
