"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";

/** The booking's outcome, said once when the browser lands here from the form. */
export function NoticeToast({
  notice,
}: {
  notice: { kind: "success" | "info" | "warning"; text: string } | null;
}) {
  const pathname = usePathname();
  useEffect(() => {
    if (!notice) return;
    toast[notice.kind](notice.text, { id: "booking-notice" });
    // The notice leaves the address (a reload does not say it again) without the page
    // being fetched and rendered a second time: Next's router follows the history API.
    window.history.replaceState(null, "", pathname);
  }, [notice, pathname]);
  return null;
}
