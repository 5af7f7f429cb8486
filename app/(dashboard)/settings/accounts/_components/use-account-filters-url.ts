"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { accountFiltersToSearch, type AccountFilters } from "@/lib/schemas/account-filters";

/** Writes the accounts list's filters to the URL (replace: the back button leaves the list). */
export function useAccountFiltersUrl(filters: AccountFilters) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const apply = (patch: Partial<AccountFilters>) => {
    // Any change but paging goes back to the first page.
    const search = accountFiltersToSearch({ ...filters, page: 1, ...patch });
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname));
  };
  return { apply, pending };
}
