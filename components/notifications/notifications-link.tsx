import Link from "next/link";
import { Suspense } from "react";
import { unreadNotificationCount } from "@/lib/data/notifications";
import type { Actor } from "@/lib/data/permissions";

/**
 * The header's link to the notifications page, with the unread count (IT only: clients get no
 * alerts). The count is a query, so it streams in; the link is there at once, so the header
 * keeps its size when the count arrives (at phone width a late link would wrap it and push the
 * whole page down).
 */
export function NotificationsLink({ actor }: { actor: Actor }) {
  if (actor.role === "CLIENT") return null;
  return (
    <Suspense fallback={<NotificationsAnchor unread={0} />}>
      <CountedNotificationsLink actor={actor} />
    </Suspense>
  );
}

async function CountedNotificationsLink({ actor }: { actor: Actor }) {
  return <NotificationsAnchor unread={await unreadNotificationCount(actor)} />;
}

function NotificationsAnchor({ unread }: { unread: number }) {
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
