import type { Metadata } from "next";
import { ProjectForm } from "@/components/delivery/project-form";
import { ProjectList } from "@/components/delivery/project-list";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listProjects } from "@/lib/data/projects";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { createProjectAction, deleteProjectAction } from "./actions";

export const metadata: Metadata = { title: "Delivery" };

/** The unit's projects (article 001's high-profile failure): late, over budget or short of scope. */
export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const projects = await notFoundOnMissing(listProjects(actor, id));
  return (
    <div className="space-y-6">
      <Card
        title="Projects"
        action={
          <a href="#add-project" className="text-sm text-blue-800 underline">
            Add a project
          </a>
        }
      >
        <ProjectList actor={actor} accountId={id} projects={projects} deleteAction={deleteProjectAction} />
      </Card>
      <div id="add-project" className="scroll-mt-4">
        <Card title="Add a project">
          <ProjectForm accountId={id} action={createProjectAction} />
        </Card>
      </div>
    </div>
  );
}
