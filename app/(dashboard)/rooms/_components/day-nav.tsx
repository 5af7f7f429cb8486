"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { BoardApp } from "@/lib/rooms/board";

/** YYYY-MM-DD ± days, on the calendar (no time zone involved). */
function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function DayNav({
  day,
  today,
  appId,
  apps,
}: {
  day: string;
  today: string;
  appId: string;
  apps: BoardApp[];
}) {
  const t = useTranslations("rooms.board");
  const router = useRouter();
  const href = (d: string, app = appId) => `/rooms?date=${d}&app=${encodeURIComponent(app)}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" size="icon" asChild>
        <Link href={href(shift(day, -1))} aria-label={t("previous")}>
          <ChevronLeft className="size-4" aria-hidden />
        </Link>
      </Button>
      <Input
        type="date"
        aria-label={t("date")}
        className="w-44"
        value={day}
        onChange={(e) => e.target.value && router.push(href(e.target.value))}
      />
      <Button variant="outline" size="icon" asChild>
        <Link href={href(shift(day, 1))} aria-label={t("next")}>
          <ChevronRight className="size-4" aria-hidden />
        </Link>
      </Button>
      {day !== today ? (
        <Button variant="ghost" size="sm" asChild>
          <Link href={href(today)}>{t("today")}</Link>
        </Button>
      ) : null}
      {apps.length > 1 ? (
        <label className="ml-auto flex items-center gap-2 text-sm">
          {t("corp")}
          <NativeSelect
            className="w-56"
            value={appId}
            onChange={(e) => router.push(href(day, e.target.value))}
          >
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.corpName} · {a.name}
              </option>
            ))}
          </NativeSelect>
        </label>
      ) : null}
    </div>
  );
}
