/** Unexpected errors are logged here, on the server, with their context; the browser gets a generic message. */
export function logUnexpected(context: string, error: unknown): void {
  console.error(`[rapport] ${context}:`, error);
}
