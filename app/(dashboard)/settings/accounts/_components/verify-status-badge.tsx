"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** A mapping's last verification: its result, and through which app and when. */
export function VerifyStatusBadge({
  status,
  verifiedAt,
  appName,
  timeZone,
}: {
  status: string | null;
  verifiedAt: number | null;
  appName: string | null;
  timeZone: string;
}) {
  const t = useTranslations("accountsAdmin");
  const format = useFormatter();
  const known = status === "ok" || status === "not_found" || status === "out_of_range";
  const label = known ? t(`verifyStatus.${status}`) : t("verifyStatus.unverified");
  const variant = !known
    ? "outline"
    : status === "ok"
      ? "success"
      : status === "out_of_range"
        ? "warning"
        : "destructive";
  const time =
    verifiedAt !== null
      ? format.dateTime(new Date(verifiedAt * 1000), {
          dateStyle: "short",
          timeStyle: "short",
          timeZone,
        })
      : null;
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1"
      data-verify-status={status ?? "none"}
    >
      <Badge variant={variant}>{label}</Badge>
      {time ? (
        <span className="text-xs text-muted-foreground">
          {appName ? t("verifiedVia", { app: appName, time }) : t("verifiedAt", { time })}
        </span>
      ) : null}
    </span>
  );
}
