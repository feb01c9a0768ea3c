import { LocalTime } from "@/components/ui/local-time";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { NewWebhookForm } from "@/components/webhooks/new-webhook-form";
import { ReplayButton } from "@/components/webhooks/replay-button";
import { WebhookControls } from "@/components/webhooks/webhook-controls";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { managesWebhooks, type WebhookDeliveryRow, webhooksOverview } from "@/lib/data/webhooks";
import { WEBHOOK_EVENTS, isWebhookEventType } from "@/lib/webhooks/events";
import { createWebhookAction, deleteWebhookAction, replayWebhookDeliveryAction, rotateWebhookSecretAction, setWebhookActiveAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const STATUS = {
  PENDING: { label: "Waiting", tone: "info" },
  SENDING: { label: "Sending", tone: "info" },
  SUCCEEDED: { label: "Delivered", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
} as const;

const typeLabel = (type: string) => (isWebhookEventType(type) ? WEBHOOK_EVENTS[type].label : type);

function Delivery({ delivery }: { delivery: WebhookDeliveryRow }) {
  const status = STATUS[delivery.status];
  const finished = delivery.status === "SUCCEEDED" || delivery.status === "FAILED";
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="webhook-delivery">
      <div className="min-w-0 text-sm">
        <p>
          <Badge tone={status.tone}>{status.label}</Badge> <span className="font-medium">{typeLabel(delivery.event.type)}</span>
          {delivery.event.accountName ? ` · ${delivery.event.accountName}` : ""}
          <span className="block break-all text-xs text-slate-600">to {delivery.subscription.url}</span>
        </p>
        <p className="text-xs text-slate-600">
          Happened <LocalTime date={delivery.event.occurredAt} /> · {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
          {delivery.lastAttemptAt && (<>, last <LocalTime date={delivery.lastAttemptAt} /></>)}
          {delivery.status === "PENDING" && (<> · next <LocalTime date={delivery.nextAttemptAt} /></>)}
        </p>
        {(delivery.responseStatus !== null || delivery.lastError) && (
          <p className="mt-1 break-words text-xs">
            {delivery.responseStatus !== null && <span className="font-medium">Response {delivery.responseStatus}</span>}
            {delivery.responseStatus === null && delivery.lastError ? <span className="text-red-800">{delivery.lastError}</span> : null}
          </p>
        )}
        {delivery.responseBody ? (
          <pre className="mt-1 max-h-24 max-w-full overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs text-slate-800" aria-label="The receiver's answer (first 1,000 characters)">
            {delivery.responseBody}
          </pre>
        ) : null}
      </div>
      {finished && <ReplayButton action={replayWebhookDeliveryAction} deliveryId={delivery.id} label={`Replay ${typeLabel(delivery.event.type)} to ${delivery.subscription.url}`} />}
    </li>
  );
}

export default async function WebhooksPage() {
  const actor = await requireActorOrRedirect();
  if (!managesWebhooks(actor)) notFound();
  const { subscriptions, deliveries, allowPrivate } = await webhooksOverview(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="max-w-prose text-sm">
        Rapport POSTs each event you subscribe a URL to, signed with the Standard Webhooks scheme, within a minute of the change. A receiver that does not answer 2xx is tried again after 30
        seconds, then four times longer each time, six attempts in all, before the delivery is marked failed; you can replay it here. Events carry ids and a few facts; read the rest through
        the API. {allowPrivate ? "This server may send to private and loopback addresses (WEBHOOKS_ALLOW_PRIVATE_URLS)." : "Addresses on this server or a private network are refused."}
      </p>

      <Card title="Subscribe a URL">
        <NewWebhookForm action={createWebhookAction} />
      </Card>

      <Card title="Subscriptions">
        {subscriptions.length === 0 ? (
          <EmptyState title="No webhooks yet">Subscribe your ITSM or chat tool&apos;s URL above, e.g. to open a ticket when an action falls overdue or a unit&apos;s stage worsens.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {subscriptions.map((s) => (
              <li key={s.id} className="space-y-2 py-3 text-sm" data-testid="webhook-subscription">
                <p className="break-all font-medium">
                  {s.url} {!s.active && <Badge tone="warning">Paused</Badge>}
                </p>
                {s.description && <p>{s.description}</p>}
                <p className="text-xs text-slate-600">
                  {s.eventTypes.map((type) => WEBHOOK_EVENTS[type].label).join(", ")} · added <LocalTime date={s.createdAt} />
                  {s.createdBy ? ` by ${s.createdBy.name}` : ""} · {s.counts.SUCCEEDED} delivered, {s.counts.PENDING + s.counts.SENDING} waiting, {s.counts.FAILED} failed
                </p>
                <WebhookControls webhookId={s.id} url={s.url} active={s.active} actions={{ rotate: rotateWebhookSecretAction, setActive: setWebhookActiveAction, remove: deleteWebhookAction }} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Recent deliveries">
        {deliveries.length === 0 ? (
          <EmptyState title="No deliveries yet">Each event a subscription wants shows here with its status, the receiver&apos;s response code and the start of its answer.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {deliveries.map((delivery) => (
              <Delivery key={delivery.id} delivery={delivery} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
