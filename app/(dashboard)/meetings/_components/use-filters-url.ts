"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { meetingFiltersToSearch, type MeetingFilters } from "@/lib/schemas/meeting-filters";

/** Writes filters to the URL (replace, so the back button leaves the list). */
export function useFiltersUrl(filters: MeetingFilters) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const apply = (patch: Partial<MeetingFilters>) => {
    // Any change but paging goes back to the first page.
    const next = { ...filters, page: 1, ...patch };
    const search = meetingFiltersToSearch(next);
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname));
  };
  return { apply, pending };
}
