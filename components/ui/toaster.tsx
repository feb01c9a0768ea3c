"use client";
import { useEffect } from "react";
import { Toaster as Sonner, toast } from "sonner";
import { decodeFlash, FLASH_COOKIE } from "@/lib/actions/flash-cookie";

/** Reads the notice a server action left for the page it redirected to, once, and forgets it. */
function takeFlash(): string | null {
  const entry = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${FLASH_COOKIE}=`));
  if (!entry) return null;
  document.cookie = `${FLASH_COOKIE}=; path=/; max-age=0; samesite=lax`;
  return decodeFlash(entry.slice(FLASH_COOKIE.length + 1));
}

/**
 * The app's one toast region (sonner announces toasts to screen readers). It shows the notice an
 * action left before redirecting, on the first page load and after every render of the root
 * layout: a server action's response renders the tree from the root again, whether its redirect
 * leads to another page or back to the same one (admin/tasks, admin/scoring), so the notice shows
 * at once instead of waiting for the next change of path. Reading the cookie deletes it, which
 * keeps each notice to one toast however often the layout renders.
 */
export function Toaster() {
  // No dependencies on purpose: a redirect back to the same path changes neither the pathname nor
  // anything else this component could watch; it only renders again.
  useEffect(() => {
    const notice = takeFlash();
    if (notice) toast.success(notice);
  });
  // Plain toasts: sonner's rich colours (green on pale green) fall short of WCAG AA contrast.
  return <Sonner position="top-center" closeButton toastOptions={{ duration: 8000 }} />;
}
