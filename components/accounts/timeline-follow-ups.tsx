import type { OpenFollowUps } from "@/lib/data/follow-ups";
import { formatDate, humanize } from "@/lib/format";
import { CompleteFollowUpButton, type CompleteFollowUpAction } from "./complete-follow-up-button";

type Item = OpenFollowUps["it"][number];

interface Props {
  accountId: string;
  open: OpenFollowUps;
  completeFollowUp?: CompleteFollowUpAction;
}

/** What each side still owes, soonest first, overdue ones marked: the top of the timeline. */
export function OpenFollowUpsSummary({ accountId, open, completeFollowUp }: Props) {
  const client = open.access === "client";
  const columns = [
    { title: "IT owes", items: open.it },
    { title: client ? "You owe" : "The business owes", items: open.business },
  ];
  const overdue = open.it.filter((item) => item.overdue).length + open.business.filter((item) => item.overdue).length;
  return (
    <section aria-labelledby="open-follow-ups" className="rounded-md bg-slate-50 p-4">
      <h3 id="open-follow-ups" className="text-sm font-semibold text-slate-800">
        Open follow-ups{overdue > 0 && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">{overdue} overdue</span>}
      </h3>
      <div className="mt-2 grid gap-4 sm:grid-cols-2">
        {columns.map(({ title, items }) => (
          <div key={title}>
            <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {title} ({items.length})
            </h4>
            {items.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">Nothing open.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {items.map((item) => (
                  <OpenItem key={item.id} item={item} accountId={accountId} completeFollowUp={completeFollowUp} />
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function OpenItem({ item, accountId, completeFollowUp }: { item: Item; accountId: string; completeFollowUp?: CompleteFollowUpAction }) {
  return (
    <li id={`open-${item.id}`} className="scroll-mt-4 target:bg-blue-50">
      <span className={item.overdue ? "font-medium text-red-800" : undefined}>{item.description}</span>
      <span className="text-slate-600">
        {" "}
        · {item.overdue ? "overdue since" : "due"} {formatDate(item.dueDate)}
      </span>
      {item.interaction && (
        // A plain anchor: the record's landing route redirects to its timeline page at #record-<id>.
        <a href={`/accounts/${accountId}/record/${item.id}`} className="ml-2 text-xs text-blue-800 underline">
          from the {humanize(item.interaction.type).toLowerCase()} of {formatDate(item.interaction.occurredAt)}
        </a>
      )}
      {completeFollowUp && <CompleteFollowUpButton followUpId={item.id} description={item.description} action={completeFollowUp} place="open" />}
    </li>
  );
}
