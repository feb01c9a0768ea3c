"use client";
import "./globals.css";

// Only when the root layout itself fails (every other error lands in app/error.tsx): this replaces
// the whole document, so it has its own html and body and nothing that needs the server. `retry`
// renders again from the server.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; reset: () => void; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="mt-2 text-slate-600">It was not your fault, and it has been logged. If the service was briefly unavailable, trying again in a few seconds works.</p>
          <button type="button" className="mt-6 rounded-md bg-blue-700 px-4 py-2 text-white" onClick={retry}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
