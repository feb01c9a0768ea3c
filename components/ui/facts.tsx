import type { ReactNode } from "react";
import { cn } from "./cn";

/** A record's key facts as a definition list: small caps term above, value below; wraps on phones. */
export function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cn("grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4", className)}>{children}</dl>;
}

export function Fact({ term, children, className }: { term: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
