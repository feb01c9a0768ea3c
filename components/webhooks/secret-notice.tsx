"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/actions/form-action";

const SECRET = /whsec_[A-Za-z0-9+/=]+/;

/**
 * The signing secret from a create's or rotation's notice, kept on the page (a toast fades) until
 * the admin has copied it: the server never shows it again.
 */
export function SecretNotice({ result }: { result: FormState | undefined }) {
  const [dismissed, setDismissed] = useState<FormState | undefined>();
  const secret = result?.status === "success" ? SECRET.exec(result.notice ?? "")?.[0] : undefined;
  if (!secret || dismissed === result) return null;
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">Copy the signing secret now: it is not shown again.</p>
      <p>The receiver verifies each delivery with it (any Standard Webhooks library: webhook-id, webhook-timestamp, webhook-signature).</p>
      <code data-testid="webhook-secret" className="block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
        {secret}
      </code>
      <Button type="button" variant="secondary" size="sm" onClick={() => setDismissed(result)}>
        I have copied it
      </Button>
    </div>
  );
}
