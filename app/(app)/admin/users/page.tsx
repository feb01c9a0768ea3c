import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { NewUserForm } from "@/components/users/new-user-form";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { managesUsers } from "@/lib/data/permissions";
import { listAccountChoices, listUsers } from "@/lib/data/users";
import { ROLE_LABELS } from "@/lib/validation/user";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActorOrRedirect();
  if (!managesUsers(actor)) notFound();
  const [users, accounts] = await Promise.all([listUsers(actor), listAccountChoices(actor)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <Card title="Add a user">
        <NewUserForm accounts={accounts} action={createUserAction} />
      </Card>
      <Card title="Everyone who can sign in">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="py-2 pr-4">Account</th>
                <th scope="col" className="py-2 pr-4">Last sign-in</th>
                <th scope="col" className="py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link href={`/admin/users/${user.id}`} className="text-blue-800 underline">
                      {user.name}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{user.email}</td>
                  <td className="py-2 pr-4">
                    {ROLE_LABELS[user.role]}
                    {user.role === "RELATIONSHIP_MANAGER" && <span className="text-slate-500"> · {user.managedAccounts} units</span>}
                  </td>
                  <td className="py-2 pr-4">{user.account?.name ?? "–"}</td>
                  <td className="py-2 pr-4 text-slate-600">{user.lastLoginAt ? <LocalTime date={user.lastLoginAt} /> : "never"}</td>
                  <td className="py-2">
                    {user.deactivatedAt ? <span className="text-slate-500">Deactivated</span> : "Active"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
