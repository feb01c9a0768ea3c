import type { Metadata } from "next";
import { BadNewsForm } from "@/components/bad-news/bad-news-form";
import { BadNewsList } from "@/components/bad-news/bad-news-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { BAD_NEWS_LATE_AFTER_DAYS, getBadNews } from "@/lib/data/bad-news";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import { createBadNewsAction, deleteBadNewsAction, updateBadNewsAction } from "./actions";

export const metadata: Metadata = { title: "Bad news" };

/** Bad news and how soon the client heard it (article 000), for IT with full access (others get 404). */
export default async function BadNewsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { news, projects, itPeople } = await notFoundOnMissing(getBadNews(actor, id));
  const today = dateInputValue(new Date());
  const choices = { projects, itPeople };

  return (
    <div className="space-y-6">
      <Card title="Bad news">
        <p className="mb-4 text-sm text-slate-600">
          Article 000: “the objective of effective client management is to avoid a ‘surprised’ client … Better to tell your client today that the project had a two day
          over-run this week rather than delay the difficult conversation for another month.” The diagnosis counts news told more than {BAD_NEWS_LATE_AFTER_DAYS} days
          after IT knew as late.
        </p>
        {news.length === 0 ? (
          <EmptyState title="No bad news recorded">When IT learns of an overrun, a slip or a failure the client should hear about, record it here, then record when they were told.</EmptyState>
        ) : (
          <BadNewsList actor={actor} news={news} today={today} choices={choices} actions={{ update: updateBadNewsAction, remove: deleteBadNewsAction }} />
        )}
      </Card>
      <Card title="Record bad news">
        <BadNewsForm accountId={id} today={today} choices={choices} action={createBadNewsAction} />
      </Card>
    </div>
  );
}
