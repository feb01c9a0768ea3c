// Next.js calls register() once when a server starts: it starts the scheduled and queued jobs
// (lib/jobs, docs/decisions/007-scheduled-rescoring.md). Vitest and the scripts never load this
// file; RAPPORT_JOBS=off keeps a server from running jobs.
export async function register(): Promise<void> {
  // Node.js only (the edge runtime has no database), and never while `next build` renders pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("./lib/jobs");
  await startJobs();
}
