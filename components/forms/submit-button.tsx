import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";

/** The form's submit button: disabled while the server works, with a label that says what it is doing. */
export function SubmitButton({ pending, pendingLabel, children, ...props }: ComponentProps<typeof Button> & { pending: boolean; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
