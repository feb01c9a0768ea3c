import "server-only";
import type { RecordKind, RecordTable } from "../records";
import { itAssessmentInputSchema } from "../../validation/it-assessment";

/**
 * IT's own rating of the relationship (004's perception gap). The assessor is whoever created it
 * (the actor of its "created" audit event too); a correction by the CIO leaves it theirs.
 */
export const itAssessmentKind: RecordKind<typeof itAssessmentInputSchema> = {
  entityType: "ItAssessment",
  label: "assessment",
  schema: itAssessmentInputSchema,
  table: (tx) => tx.itAssessment as unknown as RecordTable,
  toData: (assessment) => assessment,
  afterWrite: async (row, before, _input, { tx, actor }) => {
    if (!before) await tx.itAssessment.update({ where: { id: row.id }, data: { assessedById: actor.id } });
  },
};
