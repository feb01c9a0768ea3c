"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { getMaturity, recordMaturity } from "@/lib/data/maturity";
import { addMaturitySchema, MATURITY_LABELS } from "@/lib/validation/maturity";
import { gapText } from "@/components/maturity/gap-text";

/** Records the signed-in side's view (IT's, or the business's for a client of the unit). */
export const recordMaturityAction = formAction(
  "maturityAssessment.create",
  addMaturitySchema,
  async (actor, { accountId, ...input }) => {
    const saved = await recordMaturity(actor, accountId, input);
    revalidatePath(`/accounts/${accountId}/maturity`);
    revalidatePath("/dashboard/maturity");
    return { saved, page: await getMaturity(actor, accountId), level: input.level };
  },
  ({ saved, page, level }) => ({
    notice:
      saved.side === "BUSINESS"
        ? `Thank you: your view (${MATURITY_LABELS[level]}) is saved, and IT sees it.`
        : `IT's view saved: ${MATURITY_LABELS[level]}. ${gapText(page.gap, page.business?.level ?? null)}`,
  }),
);
