import { Card, EmptyState } from "@/components/ui/card";

/**
 * The client's single point of contact in IT (article 003): their relationship manager, the one
 * person accountable for the relationship (article 004), with the address to write to.
 */
export function PointOfContact({ unitName, manager }: { unitName: string; manager: { name: string; email: string } | null }) {
  return (
    <Card title="Your point of contact in IT">
      {manager ? (
        <div className="space-y-1 text-sm">
          <p className="text-base font-medium">{manager.name}</p>
          <p>
            <a href={`mailto:${manager.email}`} className="text-blue-800 underline">
              {manager.email}
            </a>
          </p>
          <p className="text-slate-600">Your relationship manager: one person for everything {unitName} needs from IT, from a question to a complaint.</p>
        </div>
      ) : (
        <EmptyState title="Not named yet">IT is choosing who will look after {unitName}. Until then, rate IT&apos;s service or reply to IT&apos;s emails: your message reaches IT&apos;s leadership.</EmptyState>
      )}
    </Card>
  );
}
