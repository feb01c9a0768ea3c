import { z } from "zod";
import { getContactForApi, listContactsPage } from "../../../data/api-records";
import { contactKind } from "../../../data/kinds/contact";
import { createRecord, updateRecord } from "../../../data/records";
import { ContactRole, Level } from "../../../generated/prisma/enums";
import { contactInputSchema } from "../../../validation/contact";
import { defineOperation } from "../operation";
import { keysetOf, listQuerySchema, pageOf, pageSchema } from "../pagination";
import { accountIdParams, recordId, stageChangeSchema, timestamp } from "../schemas";

// A unit's contacts: IT with full access to the unit (its relationship manager, the CIO,
// administrators) lists, reads, adds and corrects them, through the contact form's own kind.

const contactSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.enum(ContactRole),
    influence: z.enum(Level),
    interest: z.enum(Level),
    leftAt: timestamp.nullable().meta({ description: "When they left the unit; null: still there." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Contact" });

const written = z.object({ id: z.string(), stage: stageChangeSchema }).meta({ id: "ContactWritten" });
const contactParams = z.object({ contactId: recordId });

export const operations = [
  defineOperation({
    id: "listContacts",
    method: "GET",
    path: "/accounts/{accountId}/contacts",
    summary: "List a unit's contacts",
    description: "In the order they were added; since/until filter on createdAt.",
    tag: "Contacts",
    scope: "read",
    params: accountIdParams,
    query: listQuerySchema,
    response: pageSchema(contactSchema),
    handler: async ({ actor, params, query }) => pageOf(await listContactsPage(actor, params.accountId, keysetOf(query)), query.limit, (row) => ({ at: row.createdAt, id: row.id })),
  }),
  defineOperation({
    id: "getContact",
    method: "GET",
    path: "/contacts/{contactId}",
    summary: "One contact",
    tag: "Contacts",
    scope: "read",
    params: contactParams,
    response: contactSchema,
    handler: ({ actor, params }) => getContactForApi(actor, params.contactId),
  }),
  defineOperation({
    id: "createContact",
    method: "POST",
    path: "/accounts/{accountId}/contacts",
    summary: "Add a contact to a unit",
    tag: "Contacts",
    scope: "write",
    params: accountIdParams,
    body: contactInputSchema,
    example: { name: "Dana Quill", title: "Head of Procurement", email: "dana@example.com", role: "DECISION_MAKER", influence: "HIGH", interest: "MEDIUM" },
    response: written,
    handler: async ({ actor, params, body }) => {
      const { result, change } = await createRecord(contactKind, actor, params.accountId, body);
      return { id: result.id, stage: change };
    },
  }),
  defineOperation({
    id: "updateContact",
    method: "PATCH",
    path: "/contacts/{contactId}",
    summary: "Correct a contact",
    description: "Only the fields sent change (title, email, phone: null clears them).",
    tag: "Contacts",
    scope: "write",
    params: contactParams,
    body: contactInputSchema.partial(),
    example: { influence: "HIGH" },
    response: written,
    handler: async ({ actor, params, body }) => {
      const current = await getContactForApi(actor, params.contactId);
      const { name, title, email, phone, role, influence, interest } = current;
      const defined = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      const { result, change } = await updateRecord(contactKind, actor, params.contactId, { name, title: title ?? "", email, phone, role, influence, interest, ...defined });
      return { id: result.id, stage: change };
    },
  }),
];
