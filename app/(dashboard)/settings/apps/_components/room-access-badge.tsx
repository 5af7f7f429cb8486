import { DoorOpen } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { RoomAccess } from "@/lib/rooms/room-access";

const VARIANT = {
  granted: "success",
  denied: "warning",
  unknown: "secondary",
  self_built_only: "outline",
} as const;

/** Whether the app may book meeting rooms, and how to grant it when it may not. */
export async function RoomAccessBadge({ access }: { access: RoomAccess }) {
  const t = await getTranslations("rooms.access");
  return (
    <Badge
      variant={VARIANT[access]}
      title={access === "denied" ? t("howTo") : undefined}
      data-testid="room-access"
    >
      <DoorOpen className="size-3" aria-hidden />
      {t(access)}
    </Badge>
  );
}

/** Under the badges of an app that may not use rooms: how an admin grants it. */
export async function RoomAccessHint({ access }: { access: RoomAccess }) {
  if (access !== "denied") return null;
  const t = await getTranslations("rooms.access");
  return <p className="mt-1 text-xs text-muted-foreground">{t("howTo")}</p>;
}
