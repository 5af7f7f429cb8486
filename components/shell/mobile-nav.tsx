import type { Role } from "@/lib/auth/permissions";
import { NavLinks } from "./nav-links";

/** On narrow screens the sidebar becomes a row of tabs under the header. */
export function MobileNav({ role }: { role: Role }) {
  return (
    <NavLinks
      role={role}
      className="flex gap-1 overflow-x-auto border-b bg-background px-3 py-2 md:hidden"
      linkClassName="flex shrink-0 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm"
      activeClassName="bg-accent font-medium"
      inactiveClassName="text-muted-foreground"
    />
  );
}
