import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";

interface Props<T extends { id: string }> {
  title: string;
  items: T[];
  /** Every item, when more matched than are shown. */
  total?: number;
  /** How many are late, for the heading's badge. */
  overdue?: number;
  /** What to do when there is nothing here. */
  empty: { title: string; next: ReactNode };
  children: (item: T) => ReactNode;
}

/** One part of the worklist: its items (each says where it is done), or what to do next when there are none. */
export function WorklistSection<T extends { id: string }>({ title, items, total = items.length, overdue = 0, empty, children }: Props<T>) {
  return (
    <Card title={title} action={overdue > 0 ? <Badge tone="danger">{overdue} overdue</Badge> : items.length > 0 ? <Badge>{total}</Badge> : undefined}>
      {items.length === 0 ? (
        <EmptyState title={empty.title}>{empty.next}</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
                {children(item)}
              </li>
            ))}
          </ul>
          {total > items.length && <p className="mt-2 text-xs text-slate-500">…and {total - items.length} more, shown as the first ones are done.</p>}
        </>
      )}
    </Card>
  );
}

/** "Due 5 Dec 2026", and "overdue" in red once the day has passed. */
export function DueText({ overdue, children }: { overdue: boolean; children: ReactNode }) {
  return (
    <span className={overdue ? "font-medium text-red-800" : "text-slate-600"}>
      Due {children}
      {overdue && " · overdue"}
    </span>
  );
}

/** The unit an item belongs to, linked to its page. */
export function UnitLink({ id, name }: { id: string; name: string }) {
  return (
    <Link href={`/accounts/${id}`} className="text-xs text-slate-600 underline hover:text-blue-800">
      {name}
    </Link>
  );
}
