import { newId } from "./factories";

/** Draws from a fixed seed, so that every seed writes the same story (only the dates move with `now`). */
export interface Random {
  /** In [0, 1). */
  next(): number;
  pick<T>(list: readonly T[]): T;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  /** An index drawn with these weights. */
  weighted(weights: readonly number[]): number;
  /** A cuid-shaped id. */
  id(): string;
  uuid(): string;
}

/** mulberry32: tiny, fast, and good enough to vary demo data reproducibly. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    weighted(weights) {
      let r = next() * weights.reduce((sum, w) => sum + w, 0);
      for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
      return weights.length - 1;
    },
    id: () => newId(next),
    uuid() {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
