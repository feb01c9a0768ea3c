import { z } from "zod";
import { Stage } from "../../generated/prisma/enums";
import { idSchema } from "../../validation/fields";

// Building blocks of the resources' schemas, so every resource names times and ids alike.

/** An ISO 8601 time in UTC, as every answer writes it. */
export const timestamp = z.iso.datetime().meta({ description: "ISO 8601, UTC.", example: "2026-11-02T09:30:00.000Z" });

/** A record id (cuid). */
export const recordId = idSchema.meta({ description: "A record id.", example: "cmh8z2k4e0000abcd1234efgh" });

export const accountIdParams = z.object({ accountId: recordId });

/** A person as answers name them: id and name only. */
export const personRef = z.object({ id: z.string(), name: z.string() }).meta({ id: "PersonRef" });

/** What a write did to the unit's diagnosis (every write re-diagnoses it in the same transaction). */
export const stageChangeSchema = z.object({ from: z.enum(Stage), to: z.enum(Stage) }).meta({ id: "StageChange", description: "The unit's stage before and after this write." });
