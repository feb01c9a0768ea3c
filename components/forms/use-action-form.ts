"use client";
import { type DefaultValue, getFormProps, useForm } from "@conform-to/react";
import { startTransition, useActionState } from "react";
import type { z } from "zod";
import type { FormActionFn } from "@/lib/actions/form-action";
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
 * leaves it and the whole form on submit, then the server checks it again. Before JavaScript
 * loads the form posts natively and the page comes back with the server's answer.
 *
 * Submitting goes through `startTransition` rather than the form's `action`, because React resets
 * a form after an action and the user's input would be lost on an error; the `action` prop stays
 * for the posts made before hydration. Success notices are toasted by the app's Toaster (they
 * arrive in a cookie), so a form that disappears on success (an Unlock button) still has one.
 */
export function useActionForm<S extends FormSchema>(action: FormActionFn, schema?: S, options: Options<S> = {}) {
  const [lastResult, dispatch, pending] = useActionState(action, undefined);
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
      startTransition(() => dispatch(formData));
    },
  });
  const formProps = { ...getFormProps(form), action: dispatch };
  return { form, fields, formProps, pending, lastResult };
}
