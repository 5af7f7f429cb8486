import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { LazyToaster } from "@/components/providers/lazy-toaster";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("tagline"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-muted/30">
        {/* Locale and time zone for every client component; each layout or page hands its
            client islands the message namespaces they read (ClientMessages). */}
        <ClientMessages namespaces={[]}>
          {children}
          <LazyToaster />
        </ClientMessages>
      </body>
    </html>
  );
}
