import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { GeistSans } from "geist/font/sans";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rapport", template: "%s · Rapport" },
  description: "Measure and mend the relationship between IT and the business units it serves.",
  // Drawn once in public/icon.svg; scripts/generate-icons.sh makes the PNGs and favicon.ico from it.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { themeColor: "#1e40af" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce (proxy.ts) on its
  // scripts: a page prerendered at build time would carry none, and the browser would refuse them.
  await connection();
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
