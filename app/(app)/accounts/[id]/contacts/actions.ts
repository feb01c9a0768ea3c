"use server";
import { recordFormActions, recordUpdateAction } from "@/lib/actions/record-form";
import { contactKind, contactLeftKind, contactReturnedKind } from "@/lib/data/kinds/contact";

// Contacts are not deleted (they leave), so there is no delete action.
const contacts = recordFormActions(contactKind, "Contact");
export const createContactAction = contacts.create;
export const updateContactAction = contacts.update;
export const markContactLeftAction = recordUpdateAction(contactLeftKind, "Contact", "marked as left");
export const markContactActiveAction = recordUpdateAction(contactReturnedKind, "Contact", "marked as active again");
