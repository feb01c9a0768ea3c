import type { PrismaClient } from "../generated/prisma/client";
import type { Tx } from "./audit";

// Which phrase engine detected the hits stored beside interactions, quotes and rating comments.
// Kept in app_state so every instance agrees; a server whose engine differs re-detects them.
// No actor: only the re-detection job, the seed and server start read or write it.

type Client = PrismaClient | Tx;

const KEY = "phraseEngineVersion";

/** The engine version of the stored hits; null when never recorded (a database older than this). */
export async function storedPhraseEngineVersion(db: Client): Promise<string | null> {
  const row = await db.appState.findUnique({ where: { key: KEY }, select: { value: true } });
  return typeof row?.value === "string" ? row.value : null;
}

/** Records that every stored hit now comes from engine `version`. */
export async function recordPhraseEngineVersion(db: Client, version: string): Promise<void> {
  await db.appState.upsert({ where: { key: KEY }, create: { key: KEY, value: version }, update: { value: version } });
}
