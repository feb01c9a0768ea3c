import { z } from "zod";
import { blankToUndefined, dateOnly, idSchema, percent } from "./fields";

/** A core system of the unit, or blank for the unit's service as a whole (null). */
export const optionalCoreSystemId = z.preprocess((value) => blankToUndefined(value) ?? null, idSchema.nullable());

/** The service level of one core system over one period (001's "trains and buses"). */
export const slaPeriodInputSchema = z
  .object({
    coreSystemId: optionalCoreSystemId,
    periodStart: dateOnly("the period's first day"),
    periodEnd: dateOnly("the period's last day"),
    targetPercent: percent("The target"),
    attainedPercent: percent("The level attained"),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The period's last day must be on or after its first day" });
  });

export type SlaPeriodInput = z.output<typeof slaPeriodInputSchema>;
