"use client";
import { useState } from "react";

/** Rows the user can add and remove; each keeps a stable key so its inputs keep their values. */
export function useRepeatableRows(initial = 0) {
  const [keys, setKeys] = useState<number[]>(() => Array.from({ length: initial }, (_, index) => index));
  const [next, setNext] = useState(initial);
  return {
    keys,
    add: () => {
      setKeys((current) => [...current, next]);
      setNext((value) => value + 1);
    },
    remove: (key: number) => setKeys((current) => current.filter((k) => k !== key)),
  };
}
