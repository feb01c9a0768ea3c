import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { publicUrl } from "@/lib/env";
import { groupedOperations } from "./reference";
import { SchemaBlock } from "./schema-block";

export const metadata: Metadata = { title: "API reference" };

/**
 * The /api/v1 reference, rendered on the server from the same OpenAPI document that
 * /api/v1/openapi.json serves (decision 029): no script from a CDN, readable without JavaScript.
 */
export default async function ApiReferencePage() {
  await requireActorOrRedirect();
  const base = `${publicUrl().replace(/\/$/, "")}/api/v1`;
  const { tags, schemas } = groupedOperations();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">API reference</h1>
      <Card>
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            Every call needs a personal API token: make one under <Link href="/settings/tokens" className="text-blue-800 underline">Settings › API tokens</Link> and send it as{" "}
            <code className="rounded bg-slate-100 px-1">Authorization: Bearer rpt_…</code>. A token acts as you: it sees and changes what you may. A read-only token may only call GET.
          </p>
          <p>
            Lists answer <code>{"{ data, nextCursor }"}</code>: pass <code>cursor=nextCursor</code> for the next page (<code>limit</code> up to 100). Creates accept an{" "}
            <code>Idempotency-Key</code> header: sending the same request again with it answers the first answer again. Errors answer{" "}
            <code>{"{ error: { code, message, fieldErrors? } }"}</code>. Too many requests: <code>429</code> with <code>Retry-After</code>.
          </p>
          <p>
            The machine-readable document: <a href="/api/v1/openapi.json" className="text-blue-800 underline">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </p>
        </div>
        <nav aria-label="Resources" className="mt-4 flex flex-wrap gap-2 text-sm">
          {tags.map(({ tag }) => (
            <a key={tag} href={`#${tag.toLowerCase()}`} className="rounded border border-slate-300 px-2 py-1 text-blue-800 hover:bg-slate-50">
              {tag}
            </a>
          ))}
        </nav>
      </Card>
      {tags.map(({ tag, operations }) => (
        <section key={tag} id={tag.toLowerCase()} aria-labelledby={`${tag.toLowerCase()}-heading`} className="space-y-4">
          <h2 id={`${tag.toLowerCase()}-heading`} className="text-xl font-semibold">
            {tag}
          </h2>
          {operations.map((operation) => (
            <Card key={operation.id}>
              <article id={operation.id} aria-labelledby={`${operation.id}-title`} className="space-y-3 text-sm">
                <h3 id={`${operation.id}-title`} className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
                  <span className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs text-white">{operation.method}</span>
                  <code className="break-all">{operation.path}</code>
                </h3>
                <p>
                  {operation.summary} <span className="text-slate-500">({operation.scope === "write" ? "needs a read and write token" : "any token"})</span>
                </p>
                {operation.description && <p className="text-slate-600">{operation.description}</p>}
                {operation.parameters.length > 0 && (
                  <table className="w-full text-left">
                    <caption className="sr-only">Parameters of {operation.id}</caption>
                    <thead>
                      <tr className="border-b border-slate-200 text-slate-500">
                        <th scope="col" className="py-1 pr-3 font-medium">Parameter</th>
                        <th scope="col" className="py-1 pr-3 font-medium">In</th>
                        <th scope="col" className="py-1 font-medium">About</th>
                      </tr>
                    </thead>
                    <tbody>
                      {operation.parameters.map((parameter) => (
                        <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-100 align-top">
                          <td className="py-1 pr-3 font-mono">
                            {parameter.name}
                            {parameter.required && <span className="text-red-700"> *</span>}
                          </td>
                          <td className="py-1 pr-3">{parameter.in}</td>
                          <td className="py-1">{parameter.description ?? parameter.type}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {operation.body !== undefined && <SchemaBlock title="Request body" schema={operation.body} schemas={schemas} />}
                <SchemaBlock title={`Answer (${operation.status})`} schema={operation.response} schemas={schemas} />
                <div>
                  <p className="font-medium">Example</p>
                  {/* Focusable, so a keyboard can scroll a long line sideways (axe: scrollable-region-focusable). */}
                  <pre tabIndex={0} role="region" aria-label={`Example call: ${operation.id}`} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">
                    <code>{operation.curl(base)}</code>
                  </pre>
                </div>
              </article>
            </Card>
          ))}
        </section>
      ))}
    </div>
  );
}
