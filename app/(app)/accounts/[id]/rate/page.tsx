import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RatingForm } from "@/components/ratings/rating-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { canRate } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { submitRatingAction } from "./actions";

export const metadata: Metadata = { title: "Rate IT's service" };

export default async function RatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { access, account } = await notFoundOnMissing(getAccountSummary(actor, id));
  if (!canRate(actor, access)) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href={`/accounts/${account.id}`} className="text-sm text-blue-800 underline">
          ← {account.name}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">How is IT doing for {account.name}?</h1>
        <p className="text-sm text-slate-600">Two questions are enough; the rest are optional. It takes a minute.</p>
      </div>
      {/* A fresh key each time the form is shown: resubmitting the same form stores one rating. */}
      <RatingForm accountId={account.id} idempotencyKey={crypto.randomUUID()} action={submitRatingAction} />
    </div>
  );
}
