import "server-only";
import type { Tx } from "../audit";
import { contactInputSchema, contactLeftInputSchema, contactReturnedInputSchema } from "../../validation/contact";
import type { RecordKind, RecordTable } from "../records";

/**
 * Contacts are never deleted: a person who leaves is marked with `leftAt`, so the interactions
 * they attended keep their names. The table has no soft-delete columns, so the lifecycle's
 * "live record" filter is dropped here.
 */
const contactTable = (tx: Tx): RecordTable => ({
  create: (args) => tx.contact.create(args as never),
  update: (args) => tx.contact.update(args as never),
  findFirst: ({ where: { deletedAt: _live, ...where } }) => tx.contact.findFirst({ where }),
});

const contactRecord = { entityType: "Contact", label: "contact", table: contactTable } as const;

/** A person at the business unit: their part in the relationship, influence and interest. */
export const contactKind: RecordKind<typeof contactInputSchema> = {
  ...contactRecord,
  schema: contactInputSchema,
  // Blank text is "not known": null, as the migrated contacts store it.
  toData: ({ title, ...contact }) => ({ ...contact, title: title || null }),
};

/** Marks a contact as having left on a day: audited as a contact update. */
export const contactLeftKind: RecordKind<typeof contactLeftInputSchema> = {
  ...contactRecord,
  schema: contactLeftInputSchema,
  toData: ({ leftAt }) => ({ leftAt }),
};

/** A contact marked as left by mistake, or back at the unit: active again. */
export const contactReturnedKind: RecordKind<typeof contactReturnedInputSchema> = {
  ...contactRecord,
  schema: contactReturnedInputSchema,
  toData: () => ({ leftAt: null }),
};
