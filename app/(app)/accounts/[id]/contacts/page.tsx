import type { Metadata } from "next";
import Link from "next/link";
import { ContactForm } from "@/components/contacts/contact-form";
import { ContactList } from "@/components/contacts/contact-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { listContacts } from "@/lib/data/contacts";
import { managesAccounts } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { createContactAction, markContactActiveAction, markContactLeftAction, updateContactAction } from "./actions";

export const metadata: Metadata = { title: "Contacts" };

/** The people on the business side (IT only: a client or another manager gets 404). */
export default async function ContactsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const now = new Date();
  const [contacts, { account }] = await notFoundOnMissing(Promise.all([listContacts(actor, id, now), getAccountSummary(actor, id)]));

  return (
    <div className="space-y-6">
      <Card title="Contacts">
        {contacts.length === 0 ? (
          <EmptyState title="No contacts yet">
            Add the people IT works with at {account.name}: its sponsor, decision makers and key users. They can then be recorded as attendees of meetings.
          </EmptyState>
        ) : (
          <>
            {!account.sponsor && managesAccounts(actor) && (
              <p className="mb-3 text-sm text-amber-800">
                No executive sponsor is named.{" "}
                <Link href={`/accounts/${id}/settings`} className="underline">
                  Choose one in the unit&apos;s settings
                </Link>
                .
              </p>
            )}
            <ContactList
              actor={actor}
              contacts={contacts}
              sponsorId={account.sponsor?.id ?? null}
              today={now.toISOString().slice(0, 10)}
              actions={{ update: updateContactAction, markLeft: markContactLeftAction, markActive: markContactActiveAction }}
            />
          </>
        )}
      </Card>
      <Card title="Add a contact">
        <ContactForm accountId={id} action={createContactAction} />
      </Card>
    </div>
  );
}
