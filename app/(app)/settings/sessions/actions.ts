"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { sessionIdFromCookie } from "@/lib/auth/current-actor";
import { UnauthenticatedError } from "@/lib/data/errors";
import { endOtherSessions } from "@/lib/data/sessions";

export const endOtherSessionsAction = formAction(
  "endOtherSessions",
  z.object({}),
  async (actor) => {
    // formAction has checked this session is live; keep it, end the rest.
    const current = await sessionIdFromCookie();
    if (!current) throw new UnauthenticatedError();
    const ended = await endOtherSessions(actor, current);
    revalidatePath("/settings/sessions");
    return ended;
  },
  (ended) => ({ notice: ended === 0 ? "You had no other sessions." : `Signed out of ${ended} other session${ended === 1 ? "" : "s"}.` }),
);
