import type { Metadata } from "next";
import { AssessmentList } from "@/components/assessment/assessment-list";
import { ItAssessmentForm } from "@/components/assessment/it-assessment-form";
import { PerceptionGap } from "@/components/assessment/perception-gap";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { ASSESSMENT_EVERY_DAYS, getItAssessments } from "@/lib/data/it-assessments";
import { formatDate } from "@/lib/format";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import { createItAssessmentAction, deleteItAssessmentAction, updateItAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "IT's assessment" };

/** IT's own view of the relationship beside the clients' (article 004), for IT with full access (others get 404). */
export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const page = await notFoundOnMissing(getItAssessments(actor, id));
  const today = dateInputValue(new Date());

  return (
    <div className="space-y-6">
      <Card title="IT's view and the clients' view">
        <p className="mb-4 text-sm text-slate-600">
          Article 004: “I have seen superb technical organizations which are perceived by their internal customers as incompetent.” Rate the relationship on the
          clients&apos; own scale every {ASSESSMENT_EVERY_DAYS} days and see where the two views part.
        </p>
        <p className={`mb-4 text-sm font-medium ${page.overdue || !page.nextDue ? "text-amber-800" : "text-slate-700"}`}>
          {page.nextDue ? `Next assessment ${page.overdue ? "was due" : "due"} ${formatDate(page.nextDue)}.` : "IT has not assessed this relationship yet."}
        </p>
        <PerceptionGap page={page} />
      </Card>
      <Card title="Assess the relationship">
        <ItAssessmentForm accountId={id} today={today} action={createItAssessmentAction} />
      </Card>
      {page.assessments.length > 0 && (
        <Card title="Past assessments">
          <AssessmentList actor={actor} assessments={page.assessments} today={today} actions={{ update: updateItAssessmentAction, remove: deleteItAssessmentAction }} />
        </Card>
      )}
    </div>
  );
}
