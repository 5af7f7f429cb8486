"use client";

import { Phone, Presentation, Projector, Tv, Video } from "lucide-react";
import { useTranslations } from "next-intl";
import type { EquipmentName } from "@/lib/rooms/room-access";

const ICONS = {
  tv: Tv,
  phone: Phone,
  projector: Projector,
  whiteboard: Presentation,
  video: Video,
};

/** A room's equipment as icons, each named for screen readers and on hover. */
export function EquipmentIcons({ equipment }: { equipment: EquipmentName[] }) {
  const t = useTranslations("rooms.equipment");
  return (
    <span className="inline-flex items-center gap-1 text-muted-foreground">
      {equipment.map((e) => {
        const Icon = ICONS[e];
        return (
          <span key={e} title={t(e)} className="inline-flex">
            <Icon className="size-3.5" aria-hidden />
            <span className="sr-only">{t(e)}</span>
          </span>
        );
      })}
    </span>
  );
}
