"use client";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * On a phone the header's links and account controls fold behind a Menu button, so a page starts
 * with its own content rather than a screen of links; from the md breakpoint up they always show.
 * It closes on navigation and on Escape. Without JavaScript the button could not open it, so a
 * <noscript> style shows the links and hides the button.
 */
const WITHOUT_SCRIPT = "[data-header-menu]{display:flex}[data-header-menu-button]{display:none}";

export function HeaderMenu({ children }: { children: ReactNode }) {
  // Open on the page it was opened on: navigating elsewhere closes it without an effect.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => event.key === "Escape" && setOpenOn(null);
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [open]);
  return (
    <>
      <noscript>
        <style>{WITHOUT_SCRIPT}</style>
      </noscript>
      <button
        data-header-menu-button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700 md:hidden"
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <div
        id={id}
        data-header-menu
        className={cn(
          "w-full flex-col gap-3 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:justify-between md:gap-4",
          open ? "flex" : "hidden",
        )}
      >
        {children}
      </div>
    </>
  );
}
