/**
 * Changes whenever detection does (catalogue, notation, language layer or scope rules): stored
 * hits carry the version they were found with, and a re-detection job runs when it changes.
 */
export const PHRASE_ENGINE_VERSION = "2026-12-07.7";
