"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type FormState, formAction } from "@/lib/actions/form-action";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { newApiTokenInputSchema } from "@/lib/validation/api-token";
import { idSchema } from "@/lib/validation/fields";

/** The answer of a create: the form's state and, once, the token's secret (never stored, never shown again). */
export type NewTokenState = FormState & { secret?: string };

/** Makes a token for the signed-in user; the secret travels back in this answer only. */
export async function createApiTokenAction(previous: NewTokenState | undefined, formData: FormData): Promise<NewTokenState> {
  let secret: string | undefined;
  const state = await formAction(
    "createApiToken",
    newApiTokenInputSchema,
    async (actor, input) => {
      const made = await createApiToken(actor, input);
      secret = made.secret;
      revalidatePath("/settings/tokens");
      return made.token;
    },
    (token) => ({ notice: `Made the token “${token.name}”. Copy it now: it is not shown again.` }),
  )(previous, formData);
  return secret ? { ...state, secret } : state;
}

export const revokeApiTokenAction = formAction(
  "revokeApiToken",
  z.object({ tokenId: idSchema }),
  async (actor, { tokenId }) => {
    const revoked = await revokeApiToken(actor, tokenId);
    revalidatePath("/settings/tokens");
    return revoked;
  },
  ({ name }) => ({ notice: `Revoked the token “${name}”: scripts using it now get 401.` }),
);
