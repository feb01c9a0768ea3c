import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { Fact, Facts } from "@/components/ui/facts";
import type { FormActionFn } from "@/lib/actions/form-action";
import { type ActionItem, treatmentTitle } from "@/lib/data/actions";
import { formatDate } from "@/lib/format";
import { dateInputValue } from "@/lib/validation/record-form";
import { ActionForm } from "./action-form";
import { CloseActionForm } from "./close-action-form";

const STATUS = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" } as const;

function Origin({ item }: { item: ActionItem }) {
  const treatment = treatmentTitle(item.treatmentId);
  if (treatment) return <>Treatment: {treatment}</>;
  return item.alertId ? <>From an alert</> : <>Free action</>;
}

/** Open actions with their edit and close forms; soonest due first, overdue marked. */
export function OpenActionList({ items, owners, actions }: { items: ActionItem[]; owners: { value: string; label: string }[]; actions: { update: FormActionFn; close: FormActionFn } }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {items.map((item) => (
        <li key={item.id} id={`record-${item.id}`} className="scroll-mt-4 space-y-3 p-4">
          <div className="flex flex-wrap items-start gap-2">
            <h3 className="font-medium">{item.title}</h3>
            {item.overdue ? <Badge tone="danger">Overdue</Badge> : <Badge tone="info">Open</Badge>}
            {item.visibleToClient && <Badge tone="neutral">Client will see it</Badge>}
          </div>
          <Facts>
            <Fact term="Owner">{item.owner.name}</Fact>
            <Fact term="Due">{formatDate(item.dueDate)}</Fact>
            <Fact term="Origin">
              <Origin item={item} />
            </Fact>
            <Fact term="Planned">
              {formatDate(item.createdAt)}
              {item.createdBy && ` by ${item.createdBy.name}`}
            </Fact>
          </Facts>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            <Disclosure summary="Close" label={`the action “${item.title}”`}>
              <CloseActionForm action={actions.close} actionId={item.id} visibleToClient={item.visibleToClient} />
            </Disclosure>
            <Disclosure summary="Edit or reassign" label={`the action “${item.title}”`}>
              <ActionForm
                action={actions.update}
                mode="edit"
                id={`edit-${item.id}`}
                hidden={{ actionId: item.id }}
                owners={owners}
                defaults={{ title: item.title, ownerId: item.owner.id, dueDate: dateInputValue(item.dueDate), visibleToClient: item.visibleToClient }}
                submitLabel="Save the action"
              />
            </Disclosure>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Closed actions, latest first, with what was done: the unit's record of IT's follow-through. */
export function ClosedActionList({ items }: { items: ActionItem[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {items.map((item) => (
        <li key={item.id} id={`record-${item.id}`} className="scroll-mt-4 space-y-2 p-4">
          <div className="flex flex-wrap items-start gap-2">
            <h3 className="font-medium">{item.title}</h3>
            <Badge tone={item.status === "DONE" ? "success" : "neutral"}>{STATUS[item.status]}</Badge>
            {item.status === "DONE" && item.visibleToClient && <Badge tone="info">Shown to the client</Badge>}
          </div>
          <p className="text-sm whitespace-pre-line text-slate-700">{item.outcome}</p>
          <p className="text-xs text-slate-500">
            Closed {item.closedAt ? formatDate(item.closedAt) : ""}
            {item.closedBy && ` by ${item.closedBy.name}`} · owner {item.owner.name} · due {formatDate(item.dueDate)} · <Origin item={item} />
          </p>
        </li>
      ))}
    </ul>
  );
}
