"use client";
import { getFormProps, useForm } from "@conform-to/react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/forms/fields";
import { throttledSeconds, waitText } from "@/lib/auth/sign-in-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { parseForm } from "@/lib/validation/form-data";
import { loginInputSchema } from "@/lib/validation/user";

const FAILED = "Sign-in failed: check your email and password.";
// The same words whether or not the account exists: the budget is this address's.
const throttled = (seconds: number) => `Too many sign-in attempts from here. Wait ${waitText(seconds)}, then try again.`;

/**
 * Conform checks the fields in the browser; signing in goes through next-auth's client `signIn`,
 * not a server action (next-auth 4 cannot sign in from one), so this form needs JavaScript.
 * See decision 006.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [form, fields] = useForm({
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, loginInputSchema),
    async onSubmit(event, { submission }) {
      event.preventDefault();
      if (submission?.status !== "success") return;
      setPending(true);
      setFailure(null);
      const result = await signIn("credentials", { ...submission.value, redirect: false });
      setPending(false);
      if (!result || result.error) {
        const wait = throttledSeconds(result?.error);
        setFailure(wait === null ? FAILED : throttled(wait));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    },
  });
  const fieldsInvalid = Object.keys(form.allErrors).length > 0;

  return (
    // POST, so a submit before JavaScript loads never puts the password in the URL.
    <form {...getFormProps(form)} method="post" className="space-y-4">
      <TextField meta={fields.email} label="Email" type="email" autoComplete="username" required />
      <TextField meta={fields.password} label="Password" type="password" autoComplete="current-password" required />
      <div aria-live="polite" role="status" className="min-h-6 text-sm text-red-700">
        {failure ?? (fieldsInvalid ? "Please correct the fields marked in red." : null)}
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
