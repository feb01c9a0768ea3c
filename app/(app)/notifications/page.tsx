import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertEmailsForm } from "@/components/notifications/alert-emails-form";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listNotifications } from "@/lib/data/notifications";
import { seesPortfolio } from "@/lib/data/permissions";
import { dateInputValue } from "@/lib/validation/record-form";
import { markNotificationReadAction, planActionFromAlertAction, setAlertEmailsAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const DAY = 86_400_000;

/** A person's alerts (IT only; clients get 404): read them, turn them into actions, choose whether they also come by email. */
export default async function NotificationsPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  const { items, alertEmails } = await listNotifications(actor);
  const unread = items.some((item) => !item.readAt);
  const now = new Date();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Notifications</h1>
      <Card title="Alerts about your units" action={unread ? <MarkReadButton action={markNotificationReadAction} notificationId="all" label="Mark all notifications read" /> : undefined}>
        <p className="mb-4 text-sm text-slate-600">
          When a unit&apos;s stage worsens, its risk of the next stage passes 70%, or a decisive new symptom appears, its relationship manager and the CIO hear of
          it here. Turn an alert into an action with an owner and a due date: the unit&apos;s action plan keeps it.
        </p>
        {items.length === 0 ? (
          <EmptyState title="No alerts">Nothing has changed for the worse in your units. Alerts appear here within a minute of a diagnosis that worsens.</EmptyState>
        ) : (
          <NotificationList
            items={items}
            actorId={actor.id}
            defaultDue={dateInputValue(new Date(now.getTime() + 7 * DAY))}
            actions={{ markRead: markNotificationReadAction, plan: planActionFromAlertAction }}
          />
        )}
      </Card>
      <Card title="Email">
        <AlertEmailsForm action={setAlertEmailsAction} on={alertEmails} />
      </Card>
    </div>
  );
}
