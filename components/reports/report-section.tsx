import type { ReactNode } from "react";
import { omittedLine } from "@/lib/reports/format";

/** One section of a report: a heading, then its list or what its emptiness means. */
export function ReportSection({ id, title, empty, children, count, omitted = 0 }: { id: string; title: string; empty: string; count: number; omitted?: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="mb-3 text-lg font-semibold text-blue-900">
        {title}
      </h2>
      {count > 0 ? children : <p className="text-sm text-slate-600">{empty}</p>}
      {omitted > 0 && <p className="mt-2 text-sm text-slate-600">{omittedLine(omitted)}</p>}
    </section>
  );
}

export function ReportItem({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <li className="border-t border-slate-100 py-2 first:border-t-0 first:pt-0">
      <p className="font-medium">{title}</p>
      {children && <div className="text-sm text-slate-600">{children}</div>}
    </li>
  );
}
