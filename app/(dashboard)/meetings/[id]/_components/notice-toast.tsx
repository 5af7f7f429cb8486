"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";

/** The booking's outcome, said once when the browser lands here from the form. */
export function NoticeToast({
  notice,
}: {
  notice: { kind: "success" | "info" | "warning"; text: string } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (!notice) return;
    toast[notice.kind](notice.text, { id: "booking-notice" });
    router.replace(pathname, { scroll: false });
  }, [notice, pathname, router]);
  return null;
}
