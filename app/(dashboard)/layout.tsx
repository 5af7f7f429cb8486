import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { AppHeader } from "@/components/shell/app-header";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { MobileNav } from "@/components/shell/mobile-nav";
import { requireTenantContext } from "@/lib/auth/tenant-context";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [ctx, t] = await Promise.all([requireTenantContext(), getTranslations("common")]);
  return (
    // The shell's client components read common, nav and header; the error boundary
    // errors and common. Pages with client islands of their own (the booking form, the
    // meeting page) give those their namespaces with a ClientMessages of their own.
    <ClientMessages namespaces={["common", "nav", "header", "errors"]}>
      {/* WCAG 2.4.1: the first Tab stop skips the navigation. */}
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:ring-2 focus:ring-ring"
      >
        {t("skipToContent")}
      </a>
      <div className="flex min-h-screen">
        <AppSidebar role={ctx.role} />
        <div className="flex min-w-0 flex-1 flex-col">
          <AppHeader
            ctx={{
              tenant: ctx.tenant,
              memberships: ctx.memberships,
              user: ctx.user,
              role: ctx.role,
            }}
          />
          <MobileNav role={ctx.role} />
          {/* No tabIndex: a focusable <main> takes the focus of every click on its
                padding, which closes an open picker (Radix sees focus leave it). The skip
                link still moves the keyboard's starting point here. */}
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 p-4 md:p-8">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
