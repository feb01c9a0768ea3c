import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const actor = await requireActorOrRedirect();
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Change your password</h1>
      <Card>
        <p className="mb-4 text-sm text-slate-600">
          Signed in as {actor.email}. Changing your password signs you out everywhere, here too; sign in again with the new one.
          To sign out elsewhere without changing it, see{" "}
          <Link href="/settings/sessions" className="text-blue-800 underline">
            your sessions
          </Link>
          .
        </p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
    </div>
  );
}
