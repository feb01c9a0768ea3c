"use client";
import { Button } from "@/components/ui/button";

// The server logged the details; the browser only learns that something failed (in production
// Next sends no error text, so an outage cannot be told from a bug here). `retry` renders the
// page again from the server, which is what helps after the database came back: `reset` alone
// would only re-render what the browser already has.
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; reset: () => void; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">It was not your fault, and it has been logged. If the service was briefly unavailable, trying again in a few seconds works.</p>
      <Button className="mt-6" onClick={retry}>
        Try again
      </Button>
    </main>
  );
}
