import { LocalTime } from "@/components/ui/local-time";
import Link from "next/link";
import { ActionForm } from "@/components/actions/action-form";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { NotificationItem } from "@/lib/data/notifications";
import { MarkReadButton } from "./mark-read-button";

const KIND = { STAGE_WORSENED: "Stage worsened", RISK_RISING: "Risk rising", NEW_SYMPTOM: "New symptom" } as const;

interface Props {
  items: NotificationItem[];
  actorId: string;
  /** "YYYY-MM-DD": the default due date of an action planned here. */
  defaultDue: string;
  actions: { markRead: FormActionFn; plan: FormActionFn };
}

/** Alerts about the person's units, newest first; each one step from an action with an owner. */
export function NotificationList({ items, actorId, defaultDue, actions }: Props) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {items.map(({ id, createdAt, readAt, alert, canAct, owners }) => (
        <li key={id} id={`notification-${id}`} className={`scroll-mt-4 space-y-2 p-4 ${readAt ? "" : "bg-blue-50/60"}`}>
          <div className="flex flex-wrap items-center gap-2">
            {!readAt && <Badge tone="info">New</Badge>}
            <Badge tone={alert.kind === "STAGE_WORSENED" ? "danger" : "warning"}>{KIND[alert.kind]}</Badge>
            <span className="text-xs text-slate-500"><LocalTime date={createdAt} /></span>
          </div>
          <p className="font-medium">{alert.message}</p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {canAct && (
              <Link href={`/accounts/${alert.account.id}`} className="text-blue-800 underline">
                Open {alert.account.name}
              </Link>
            )}
            {!readAt && <MarkReadButton action={actions.markRead} notificationId={id} label={`Mark read: ${alert.message}`} />}
          </div>
          {alert.actions.length > 0 && (
            <p className="text-sm text-slate-700">
              Planned:{" "}
              {alert.actions.map((action, index) => (
                <span key={action.id}>
                  {index > 0 && ", "}
                  <Link href={`/accounts/${alert.account.id}/actions#record-${action.id}`} className="text-blue-800 underline">
                    {action.title}
                  </Link>{" "}
                  ({action.status.toLowerCase()})
                </span>
              ))}
            </p>
          )}
          {canAct && (
            <Disclosure summary="Turn into an action" label={`: ${alert.message}`}>
              <ActionForm
                action={actions.plan}
                mode="alert"
                id={`plan-${alert.id}`}
                hidden={{ alertId: alert.id }}
                owners={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
                defaults={{ ownerId: owners.some((owner) => owner.id === actorId) ? actorId : owners[0]?.id, dueDate: defaultDue, visibleToClient: false }}
                submitLabel="Plan the action"
              />
            </Disclosure>
          )}
        </li>
      ))}
    </ul>
  );
}
