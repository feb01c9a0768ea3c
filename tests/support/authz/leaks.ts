import type { ActorKey } from "../../inventory";
import { SECRET_AUDIENCE } from "./world";

// Whether an answer carries a secret of account A that `actor` may not see. The form's own echo
// (Conform's `initialValue`: what the caller just sent) is not a leak, so it is left out.

function text(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (key, item: unknown) => {
    if (key === "initialValue" || key === "_owner" || key === "_store") return undefined;
    if (typeof item === "function") return `[function ${(item as { name?: string }).name ?? ""}]`;
    if (typeof item === "bigint") return String(item);
    if (item && typeof item === "object") {
      if (seen.has(item)) return "[seen]";
      seen.add(item);
    }
    return item;
  }) ?? "";
}

export function leakedSecrets(answer: unknown, actor: ActorKey): string[] {
  const body = typeof answer === "string" ? answer : text(answer);
  return SECRET_AUDIENCE.filter(({ secret, hiddenFrom }) => hiddenFrom.includes(actor) && body.includes(secret)).map(({ secret }) => secret);
}
