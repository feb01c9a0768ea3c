"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { refreshActionPages } from "@/lib/actions/actions-refresh";
import { createAction } from "@/lib/data/actions";
import { alertOfNotification, markNotificationsRead, setAlertEmails } from "@/lib/data/notifications";
import { formatDate } from "@/lib/format";
import { alertEmailsSchema, markReadSchema, planFromNotificationSchema } from "@/lib/validation/action";

/** The header's count and the page. */
const refresh = () => revalidatePath("/", "layout");

export const markNotificationReadAction = formAction(
  "notification.read",
  markReadSchema,
  async (actor, { notificationId }) => {
    const count = await markNotificationsRead(actor, notificationId === "all" ? "all" : [notificationId]);
    refresh();
    return count;
  },
  (count, { notificationId }) => ({ notice: notificationId === "all" ? `Marked ${count === 1 ? "1 notification" : `${count} notifications`} read.` : "Marked read." }),
);

export const setAlertEmailsAction = formAction(
  "notification.emails",
  alertEmailsSchema,
  async (actor, { alertEmails }) => {
    await setAlertEmails(actor, alertEmails);
    refresh();
  },
  (_done, { alertEmails }) => ({ notice: alertEmails ? "Alerts will also come by email." : "Alerts will come in Rapport only, not by email." }),
);

/** One step from a notification to an action answering its alert; the notification is read. */
export const planActionFromNotificationAction = formAction(
  "notification.plan",
  planFromNotificationSchema,
  async (actor, { notificationId, ...input }) => {
    const { alertId, accountId } = await alertOfNotification(actor, notificationId);
    const created = await createAction(actor, { ...input, accountId, alertId, treatmentId: null });
    await markNotificationsRead(actor, [notificationId]);
    refreshActionPages(accountId);
    refresh();
    return created;
  },
  (_created, input) => ({ notice: `Action planned: “${input.title}”, due ${formatDate(input.dueDate)}.` }),
);
