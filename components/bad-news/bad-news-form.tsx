"use client";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { BadNewsPage } from "@/lib/data/bad-news";
import { addBadNewsSchema, editBadNewsSchema } from "@/lib/validation/bad-news";
import { dateInputValue } from "@/lib/validation/record-form";

type Choices = Pick<BadNewsPage, "projects" | "itPeople">;
type Props = { action: FormActionFn; today: string; choices: Choices } & (
  | { accountId: string; news?: undefined }
  | { accountId?: undefined; news: BadNewsPage["news"][number] }
);

/** Records bad news IT had to give, or corrects it (`news`): e.g. once the client has been told. */
export function BadNewsForm({ accountId, news, action, today, choices }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, news ? editBadNewsSchema : addBadNewsSchema, {
    id: news ? `bad-news-${news.id}` : "new-bad-news",
    defaultValue: news
      ? { what: news.what, projectId: news.projectId ?? "", knownAt: dateInputValue(news.knownAt), toldAt: dateInputValue(news.toldAt), toldById: news.toldById ?? "" }
      : { knownAt: today },
  });
  return (
    <form {...formProps} className="space-y-4">
      {news ? <input type="hidden" name="recordId" value={news.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <TextareaField meta={fields.what} label="What went wrong" rows={2} required hint="E.g. “The ledger migration will be three weeks late”." />
      <SelectField
        meta={fields.projectId}
        label="Project"
        options={choices.projects.map((p) => ({ value: p.id, label: p.name }))}
        placeholder={choices.projects.length === 0 ? "No projects recorded" : "None"}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField meta={fields.knownAt} label="When IT knew" type="date" required />
        <TextField meta={fields.toldAt} label="When the client was told" type="date" hint="Leave blank while they have not been told." />
        <SelectField meta={fields.toldById} label="Told by" options={choices.itPeople.map((p) => ({ value: p.id, label: p.name }))} placeholder="Nobody yet" />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={news ? "secondary" : "primary"}>
        {news ? "Save bad news" : "Record bad news"}
      </SubmitButton>
    </form>
  );
}
