import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppHeader } from "@/components/shell/app-header";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { MobileNav } from "@/components/shell/mobile-nav";
import { requireTenantContext } from "@/lib/auth/tenant-context";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireTenantContext();
  return (
    // The shell's client components read common, nav and header; the error boundary
    // errors and common. Pages with client islands of their own (the booking form, the
    // meeting page) give those their namespaces with a ClientMessages of their own.
    <ClientMessages namespaces={["common", "nav", "header", "errors"]}>
      {/* Only signed-in pages query from the browser (TanStack Query). */}
      <QueryProvider>
        <div className="flex min-h-screen">
          <AppSidebar />
          <div className="flex min-w-0 flex-1 flex-col">
            <AppHeader
              ctx={{
                tenant: ctx.tenant,
                memberships: ctx.memberships,
                user: ctx.user,
                role: ctx.role,
              }}
            />
            <MobileNav />
            <main className="mx-auto w-full max-w-7xl flex-1 p-4 md:p-8">{children}</main>
          </div>
        </div>
      </QueryProvider>
    </ClientMessages>
  );
}
