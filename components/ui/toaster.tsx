"use client";
import { usePathname } from "next/navigation";
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
 * action left before redirecting, on the first page load and after every navigation (a redirect
 * from an action is one).
 */
export function Toaster() {
  const pathname = usePathname();
  useEffect(() => {
    const notice = takeFlash();
    if (notice) toast.success(notice);
  }, [pathname]);
  // Plain toasts: sonner's rich colours (green on pale green) fall short of WCAG AA contrast.
  return <Sonner position="top-center" closeButton toastOptions={{ duration: 8000 }} />;
}
