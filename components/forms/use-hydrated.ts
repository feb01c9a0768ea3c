"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/** False in the server's HTML and until React hydrates, then true: for markup that needs JavaScript. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
