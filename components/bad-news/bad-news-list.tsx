import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import { Fact, Facts } from "@/components/ui/facts";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import { BAD_NEWS_LATE_AFTER_DAYS, type BadNewsPage } from "@/lib/data/bad-news";
import { formatDate } from "@/lib/format";
import { BadNewsForm } from "./bad-news-form";

type News = BadNewsPage["news"][number];

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** "Told 37 days after IT knew", or "Not told yet: 12 days since IT knew"; late past the diagnosis' limit. */
function Delay({ delay }: { delay: News["delay"] }) {
  const text = delay.told ? (delay.days === 0 ? "Told the day IT knew" : `Told ${days(delay.days)} after IT knew`) : `Not told yet: ${days(delay.days)} since IT knew`;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${delay.late ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900"}`}>
      {text}
      {delay.late && <span className="sr-only"> (late: more than {days(BAD_NEWS_LATE_AFTER_DAYS)})</span>}
    </span>
  );
}

/** Bad news, latest first, with how long the client waited to hear it. */
export function BadNewsList({ actor, news, today, choices, actions }: { actor: Actor; news: News[]; today: string; choices: Pick<BadNewsPage, "projects" | "itPeople">; actions: { update: FormActionFn; remove: FormActionFn } }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {news.map((item) => {
        const name = `bad news of ${formatDate(item.knownAt)}`;
        return (
          <li key={item.id} id={`record-${item.id}`} className="scroll-mt-4 space-y-3 p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="space-y-1">
                <p className="font-medium whitespace-pre-line">{item.what}</p>
                <Delay delay={item.delay} />
              </div>
              <span className="flex items-center gap-3">
                <HistoryLink actor={actor} entityType="BadNews" entityId={item.id} label={name} />
                <DeleteRecordDialog action={actions.remove} recordId={item.id} name={name} consequence="It leaves the diagnosis." />
              </span>
            </div>
            <Facts>
              <Fact term="IT knew">{formatDate(item.knownAt)}</Fact>
              <Fact term="Client told">{item.toldAt ? formatDate(item.toldAt) : <span className="text-red-800">Not yet</span>}</Fact>
              <Fact term="Told by">{item.toldBy?.name ?? "—"}</Fact>
              <Fact term="Project">{item.project?.name ?? "—"}</Fact>
            </Facts>
            <Disclosure summary={item.toldAt ? "Edit" : "Edit or record that the client was told"} label={name}>
              <BadNewsForm news={item} today={today} choices={choices} action={actions.update} />
            </Disclosure>
          </li>
        );
      })}
    </ul>
  );
}
