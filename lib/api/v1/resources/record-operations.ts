import { z } from "zod";
import type { Actor } from "../../../data/permissions";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../../data/records";
import type { Keyset } from "../../../data/keyset";
import type { ListFilter } from "../../../data/api-lists/scope";
import { deleteReasonSchema } from "../../../validation/fields";
import { defineOperation, type Operation } from "../operation";
import { keysetOf, listQuerySchema, pageOf, pageSchema } from "../pagination";
import { accountIdParams, recordId, stageChangeSchema } from "../schemas";

// The five operations of a kind of IT record (lib/data/records.ts: projects, SLA periods,
// incidents, structural events, goals, goal reviews, bad news), written once (decision 033): list
// and read through the API's list (IT with full access to the account), and create, correct and
// delete through the same lifecycle as the account's forms (access check, audit with before and
// after, soft delete with a reason, the account re-diagnosed in the same transaction).

/** Every list of the API filters by account; the time window and cursor come from listQuerySchema. */
export const accountListQuery = listQuerySchema.extend({
  accountId: recordId.optional().meta({ description: "Only this business unit's rows (404 if the token's user may not see them)." }),
});

const written = z.object({ id: z.string(), stage: stageChangeSchema }).meta({ id: "RecordWritten" });
const corrected = z
  .object({ id: z.string(), changed: z.number().int().meta({ description: "How many fields the correction changed (0: none; nothing audited)." }), stage: stageChangeSchema })
  .meta({ id: "RecordCorrected" });

export const deleteQuery = z.object({ reason: deleteReasonSchema.meta({ description: "Why it is deleted: kept in the audit log." }) });

type RecordSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export interface RecordResource<S extends RecordSchema, T extends { id: string }> {
  kind: RecordKind<S>;
  /** "projects" → /projects, /accounts/{accountId}/projects; the id parameter is `${singular}Id`. */
  plural: string;
  /** camelCase: "project", "slaPeriod". */
  singular: string;
  /** For summaries: "project", "SLA period". */
  noun: string;
  tag: string;
  /** The time field rows are listed by (and since/until filter). */
  time: keyof T & string;
  item: z.ZodType;
  list: { list: (actor: Actor, keyset: Keyset, filter?: ListFilter) => Promise<T[]>; get: (actor: Actor, id: string) => Promise<T> };
  example: Record<string, unknown>;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function recordOperations<S extends RecordSchema, T extends { id: string }>(resource: RecordResource<S, T>): Operation[] {
  const { kind, plural, singular, noun, tag, time, item, list, example } = resource;
  const idParam = `${singular}Id`;
  const params = z.object({ [idParam]: recordId });
  const idOf = (p: Record<string, string>) => p[idParam] as string;
  const name = upperFirst(singular);
  const names = plural.split("-").map(upperFirst).join("");
  return [
    defineOperation({
      id: `list${names}`,
      method: "GET",
      path: `/${plural}`,
      summary: `List ${noun} records`,
      description: `Of the units the token's user has full access to (IT: a relationship manager's own units, the CIO's and admins' all). Ordered by ${time}, then id; since/until filter on ${time}.`,
      tag,
      scope: "read",
      query: accountListQuery,
      response: pageSchema(item),
      handler: async ({ actor, query }) => pageOf(await list.list(actor, keysetOf(query), { accountId: query.accountId }), query.limit, (row) => ({ at: row[time] as Date, id: row.id })) as never,
    }),
    defineOperation({
      id: `get${name}`,
      method: "GET",
      path: `/${plural}/{${idParam}}`,
      summary: `One ${noun}`,
      tag,
      scope: "read",
      params,
      response: item,
      handler: async ({ actor, params: p }) => (await list.get(actor, idOf(p))) as never,
    }),
    defineOperation({
      id: `create${name}`,
      method: "POST",
      path: `/accounts/{accountId}/${plural}`,
      summary: `Record a ${noun} for a unit`,
      description: "As the unit's form does: audited, and the unit re-diagnosed at once.",
      tag,
      scope: "write",
      params: accountIdParams,
      body: kind.schema,
      example,
      response: written,
      handler: async ({ actor, params: p, body }) => {
        const { result, change } = await createRecord(kind, actor, p.accountId, body as z.output<S>);
        return { id: result.id, stage: { from: change.from, to: change.to } };
      },
    }),
    defineOperation({
      id: `update${name}`,
      method: "PATCH",
      path: `/${plural}/{${idParam}}`,
      summary: `Correct a ${noun}`,
      description: "Send the whole record, as its edit form does; the audit log keeps the fields that changed, before and after.",
      tag,
      scope: "write",
      params,
      body: kind.schema,
      example,
      response: corrected,
      handler: async ({ actor, params: p, body }) => {
        const { result, change } = await updateRecord(kind, actor, idOf(p), body as z.output<S>);
        return { id: result.id, changed: result.changed, stage: { from: change.from, to: change.to } };
      },
    }),
    defineOperation({
      id: `delete${name}`,
      method: "DELETE",
      path: `/${plural}/{${idParam}}`,
      summary: `Delete a ${noun}, with a reason`,
      description: "It leaves the diagnosis and the screens; the audit log keeps it and why.",
      tag,
      scope: "write",
      params,
      query: deleteQuery,
      response: written,
      handler: async ({ actor, params: p, query }) => {
        const { result, change } = await deleteRecord(kind, actor, idOf(p), query.reason);
        return { id: result.id, stage: { from: change.from, to: change.to } };
      },
    }),
  ];
}
