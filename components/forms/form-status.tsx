"use client";
import type { FormMetadata } from "@conform-to/react";
import type { FormState } from "@/lib/actions/form-action";
import { useHydrated } from "./use-hydrated";

/**
 * The form's overall result, announced as it changes: the server's form-level error, or a nudge
 * to the fields marked in red (it sits below them, so it never says where). A success notice is a toast once JavaScript runs; before that (the
 * page came back from a native post) it is shown here.
 */
export function FormStatus({ form, lastResult }: { form: FormMetadata; lastResult: FormState | undefined }) {
  const hydrated = useHydrated();
  const fieldsInvalid = Object.keys(form.allErrors).some((name) => name !== "");
  const error = form.errors?.length ? form.errors.join(" ") : fieldsInvalid ? "Please correct the fields marked in red." : null;
  const notice = !hydrated && lastResult?.status === "success" ? lastResult.notice : null;
  return (
    <div id={form.errorId} aria-live="polite" role="status" className="min-h-6">
      {error ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
      ) : notice ? (
        <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{notice}</p>
      ) : null}
    </div>
  );
}
