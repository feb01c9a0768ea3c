import Link from "next/link";
import { unreadNotificationCount } from "@/lib/data/notifications";
import type { Actor } from "@/lib/data/permissions";

/** The header's link to the notifications page, with the unread count (IT only: clients get no alerts). */
export async function NotificationsLink({ actor }: { actor: Actor }) {
  if (actor.role === "CLIENT") return null;
  const unread = await unreadNotificationCount(actor);
  return (
    <Link href="/notifications" className="inline-flex items-center gap-1 text-slate-700 underline hover:text-blue-800">
      Notifications
      {unread > 0 && (
        <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
          <span className="sr-only"> unread</span>
        </span>
      )}
    </Link>
  );
}
