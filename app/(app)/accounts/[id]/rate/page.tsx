import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RatingForm } from "@/components/ratings/rating-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { getRecentOwnRating } from "@/lib/data/ratings";
import { formatDate } from "@/lib/format";
import { canRate } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { submitRatingAction } from "./actions";

export const metadata: Metadata = { title: "Rate IT's service" };

export default async function RatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { access, account } = await notFoundOnMissing(getAccountSummary(actor, id));
  if (!canRate(actor, access)) notFound();
  const recent = await getRecentOwnRating(actor, account.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href={`/accounts/${account.id}`} className="text-sm text-blue-800 underline">
          ← {account.name}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">How is IT doing for {account.name}?</h1>
        <p className="text-sm text-slate-600">Two questions are enough; the rest are optional. It takes a minute.</p>
      </div>
      {recent && (
        // Said before rating: within the recontact window a new rating replaces the last one.
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">
            You rated IT’s service to {account.name} on {formatDate(recent.createdAt)} ({recent.overall}/5).
          </p>
          <p className="mt-1">
            A rating sent now replaces that one: each person counts once per {recent.recontactDays} days, so your newest view is the one that counts. Your earlier rating stays in
            the account&apos;s history. From {formatDate(recent.replaceableUntil)} a new rating is added instead.
          </p>
        </div>
      )}
      {/* A fresh key each time the form is shown: resubmitting the same form stores one rating. */}
      <RatingForm accountId={account.id} idempotencyKey={crypto.randomUUID()} action={submitRatingAction} />
    </div>
  );
}
