import { AppHeader } from "@/components/layout/app-header";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActorOrRedirect();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
