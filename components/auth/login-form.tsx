"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { loginInputSchema } from "@/lib/validation/user";

const FAILED =
  "Sign-in failed: check your email and password. After 5 failed attempts an account is locked for 15 minutes.";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginInputSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), [issue.message]])));
      setMessage("Please correct the fields marked below.");
      return;
    }
    setErrors({});
    setPending(true);
    setMessage(null);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setMessage(FAILED);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby="login-status">
      <TextField name="email" label="Email" type="email" autoComplete="username" required errors={errors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={errors.password} />
      <div id="login-status" aria-live="polite" role="status" className="min-h-6 text-sm text-red-700">
        {message}
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
