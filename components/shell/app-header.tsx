import type { TenantContext } from "@/lib/auth/tenant-context";
import { TenantSwitcher } from "./tenant-switcher";
import { UserMenu } from "./user-menu";

export function AppHeader({
  ctx,
}: {
  ctx: Pick<TenantContext, "tenant" | "memberships" | "user" | "role">;
}) {
  return (
    <header className="flex h-14 items-center justify-between gap-4 border-b bg-background px-4 md:px-6">
      <TenantSwitcher current={ctx.tenant} memberships={ctx.memberships} />
      <UserMenu user={ctx.user} role={ctx.role} />
    </header>
  );
}
