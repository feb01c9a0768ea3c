import type { ReactNode } from "react";

export function Card({ title, action, children, className = "" }: { title?: string; action?: ReactNode; children: ReactNode; className?: string }) {
  const headingId = title ? `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` : undefined;
  return (
    <section aria-labelledby={headingId} className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {title && (
        <div className="mb-4 flex items-center justify-between gap-4">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {action}
        </div>
      )}
      {children}
    </section>
  );
}

export function CardSkeleton({ title, height = "h-48" }: { title: string; height?: string }) {
  return (
    <Card title={title}>
      <div className={`${height} animate-pulse rounded bg-slate-100`} aria-hidden="true" />
      <p className="sr-only">Loading {title.toLowerCase()}…</p>
    </Card>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 p-6 text-center">
      <p className="font-medium text-slate-700">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-500">{children}</div>}
    </div>
  );
}
