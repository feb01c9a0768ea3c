"use client";
import { type DefaultValue, getFormProps, useForm } from "@conform-to/react";
import { startTransition, useActionState, useState, useTransition } from "react";
import { toast } from "sonner";
import type { z } from "zod";
import type { FormActionFn, FormState } from "@/lib/actions/form-action";
import { parseForm } from "@/lib/validation/form-data";

/** A zod schema for a whole form: an object, read from form strings. */
type FormSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

interface Options<S extends FormSchema> {
  /** Needed only when one page shows several copies of a form (one per row). */
  id?: string;
  defaultValue?: DefaultValue<z.input<S>>;
}

/**
 * A Conform form posting to a `formAction`. The same zod schema checks each field as the user
 * leaves it and the whole form on submit, then the server checks it again.
 *
 * Before JavaScript loads, the form posts natively (`action`, through useActionState) and the
 * page comes back with the server's answer. Once hydrated, submitting calls the action in a
 * transition instead: React resets a form after an `action`, which would lose the user's input
 * on an error, and calling it here lets the success notice be toasted even when the form itself
 * disappears with the change (an Unlock button). A redirect's notice is toasted by the Toaster.
 */
export function useActionForm<S extends FormSchema>(action: FormActionFn, schema?: S, options: Options<S> = {}) {
  const [postedResult, postAction] = useActionState(action, undefined);
  const [submittedResult, setSubmittedResult] = useState<FormState | undefined>();
  const [pending, startSubmit] = useTransition();
  const lastResult = submittedResult ?? postedResult;
  const [form, fields] = useForm<z.input<S>, z.output<S>>({
    id: options.id,
    defaultValue: options.defaultValue,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // A form of hidden ids alone (a "Mark done" button) has nothing to check in the browser.
    onValidate: schema && (({ formData }) => parseForm(formData, schema)),
    onSubmit(event, { formData }) {
      event.preventDefault();
      startSubmit(async () => {
        // Undefined when the action redirected: Next is already navigating.
        const answer: FormState | undefined = await action(lastResult, formData);
        if (answer?.notice) toast.success(answer.notice);
        startTransition(() => setSubmittedResult(answer));
      });
    },
  });
  const formProps = { ...getFormProps(form), action: postAction };
  return { form, fields, formProps, pending, lastResult };
}
