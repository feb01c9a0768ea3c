// Stands in for the "server-only" package under Vitest, where every module is server-side.
export {};
