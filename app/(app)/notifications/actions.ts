"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { refreshActionPages } from "@/lib/actions/actions-refresh";
import { createActionFromAlert } from "@/lib/data/actions";
import { markAlertRead, markNotificationsRead, setAlertEmails } from "@/lib/data/notifications";
import { formatDate } from "@/lib/format";
import { alertEmailsSchema, markReadSchema, planFromAlertSchema } from "@/lib/validation/action";

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

/** One step from a notification to an action answering its alert; the caller's notifications of it are read. */
export const planActionFromAlertAction = formAction(
  "alert.plan",
  planFromAlertSchema,
  async (actor, { alertId, ...input }) => {
    const created = await createActionFromAlert(actor, alertId, input);
    await markAlertRead(actor, alertId);
    refreshActionPages(created.accountId);
    refresh();
    return created;
  },
  (_created, input) => ({ notice: `Action planned: “${input.title}”, due ${formatDate(input.dueDate)}.` }),
);
