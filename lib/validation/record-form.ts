import { z } from "zod";
import { deleteReasonSchema, idSchema } from "./fields";

// The forms around an IT record of an account (lib/data/records.ts): a new record names its
// account, a correction names the record, a delete names the record and why. The record's own
// fields come from its schema, so browser and server check the same thing.

type RecordSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/** A new record for the account in `accountId`. */
export const newRecordFormSchema = <S extends RecordSchema>(schema: S) => z.object({ accountId: idSchema }).and(schema);

/** A correction of the record in `recordId` (its account is the record's own). */
export const editRecordFormSchema = <S extends RecordSchema>(schema: S) => z.object({ recordId: idSchema }).and(schema);

export const deleteRecordFormSchema = z.object({ recordId: idSchema, reason: deleteReasonSchema });

/** A stored date as an <input type="date"> value ("" for none). */
export const dateInputValue = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");
