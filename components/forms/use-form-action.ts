"use client";
import { type FormEvent, startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/form-action";

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Submits a form to a server action without React resetting the form afterwards, so nothing the
 * user typed is lost when the server refuses it.
 */
export function useFormAction<T>(action: Action<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  const errorsFor = (name: string) => (state && !state.ok ? state.fieldErrors[name] : undefined);
  return { state, pending, onSubmit, errorsFor };
}
