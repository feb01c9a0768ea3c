import type { ReactNode } from "react";

/**
 * A native <details> disclosure ("Edit", "Record a review"): opens with the keyboard and works
 * before JavaScript loads. `label` names what it opens for screen readers ("Edit bad news …").
 */
export function Disclosure({ summary, label, children, open }: { summary: string; label?: string; children: ReactNode; open?: boolean }) {
  return (
    <details open={open}>
      <summary className="cursor-pointer text-sm text-blue-800 underline">
        {summary}
        {label && <span className="sr-only"> {label}</span>}
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}
