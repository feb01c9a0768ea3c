import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProjectForm } from "@/components/delivery/project-form";
import { StatusHistory } from "@/components/delivery/status-history";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getProject } from "@/lib/data/projects";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { updateProjectAction } from "../actions";

export const metadata: Metadata = { title: "Edit project" };

export default async function EditProjectPage({ params }: { params: Promise<{ id: string; projectId: string }> }) {
  const { id, projectId } = await params;
  const actor = await requireActorOrRedirect();
  const project = await notFoundOnMissing(getProject(actor, projectId));
  // Another account's project under this account's address is not found here either.
  if (project.accountId !== id) notFound();
  return (
    <div className="space-y-6">
      <Link href={`/accounts/${id}/delivery#record-${project.id}`} className="text-sm text-blue-800 underline">
        ← All projects
      </Link>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Edit ${project.name}`} className="lg:col-span-2">
          <ProjectForm project={project} action={updateProjectAction} />
        </Card>
        <Card title="Status history">
          <StatusHistory changes={project.statusChanges} />
        </Card>
      </div>
    </div>
  );
}
