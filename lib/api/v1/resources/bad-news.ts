import { z } from "zod";
import { badNewsList } from "../../../data/api-lists/it-record-lists";
import { badNewsKind } from "../../../data/kinds/bad-news";
import { timestamp } from "../schemas";
import { recordOperations } from "./record-operations";

// Bad news IT had to give (the unit's Bad news tab): IT with full access to the unit.

const badNewsSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    projectId: z.string().nullable(),
    what: z.string(),
    knownAt: timestamp.meta({ description: "When IT knew." }),
    toldAt: timestamp.nullable().meta({ description: "When the client was told; null: not yet." }),
    toldById: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "BadNews" });

export const operations = recordOperations({
  kind: badNewsKind,
  plural: "bad-news",
  singular: "badNews",
  noun: "bad news",
  tag: "Bad news",
  time: "knownAt",
  item: badNewsSchema,
  list: badNewsList,
  example: { what: "The ledger go-live slips a month", knownAt: "2026-11-10", toldAt: "2026-11-11" },
});
