import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EditUserForm } from "@/components/users/edit-user-form";
import { EndSessionsForm } from "@/components/users/end-sessions-form";
import { ResetPasswordForm } from "@/components/users/reset-password-form";
import { UserActiveForm } from "@/components/users/user-active-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { managesUsers } from "@/lib/data/permissions";
import { getUser, listAccountChoices } from "@/lib/data/users";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { deactivateUserAction, endSessionsAction, reactivateUserAction, resetPasswordAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requireActorOrRedirect();
  if (!managesUsers(actor)) notFound();
  const [user, accounts] = await Promise.all([notFoundOnMissing(getUser(actor, userId)), listAccountChoices(actor)]);
  const self = user.id === actor.id;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/admin/users" className="text-sm text-blue-800 underline">
          ← Users
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{user.name}</h1>
        <p className="text-sm text-slate-600">
          {user.email} · last sign-in {user.lastLoginAt ? <LocalTime date={user.lastLoginAt} /> : "never"}
          {user.passwordChangedAt && <> · password set <LocalTime date={user.passwordChangedAt} /></>}
          {user.deactivatedAt && <> · <strong className="text-red-700">deactivated <LocalTime date={user.deactivatedAt} /></strong></>}
        </p>
      </div>
      <Card title="Details">
        {/* Keyed by the saved values: after a save the form starts again from them. */}
        <EditUserForm key={[user.name, user.role, user.accountId].join("|")} user={user} accounts={accounts} action={updateUserAction} />
      </Card>
      <Card title="Reset password">
        <ResetPasswordForm userId={user.id} action={resetPasswordAction} />
      </Card>
      {!self && !user.deactivatedAt && (
        <Card title="Sessions">
          <EndSessionsForm userId={user.id} name={user.name} action={endSessionsAction} />
        </Card>
      )}
      {!self && (
        <Card title={user.deactivatedAt ? "Reactivate" : "Deactivate"}>
          <UserActiveForm
            userId={user.id}
            name={user.name}
            active={user.deactivatedAt === null}
            action={user.deactivatedAt ? reactivateUserAction : deactivateUserAction}
          />
        </Card>
      )}
    </div>
  );
}
