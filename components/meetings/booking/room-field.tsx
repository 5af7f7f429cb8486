"use client";

// 会议室 (self-built apps that may use rooms): the corp's rooms by building and floor,
// those seating everyone first, free or taken for the chosen start and duration (one
// availability read per change, answered from one get_booking_info for the day), who
// holds a taken room and when; rooms that need approval are shown but cannot be chosen.
import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useMemo, useState } from "react";
import { EquipmentIcons } from "@/components/rooms/equipment-icons";
import { Badge } from "@/components/ui/badge";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { roomAvailabilityAction } from "@/lib/actions/rooms";
import type { AvailabilityResult, RoomAvailability } from "@/lib/rooms/availability";
import { pausableTimer } from "./pausable-timer";
import { Labelled, Section } from "./section";

const hm = (sec: number, timeZone: string) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(sec * 1000);

export function RoomField({
  appId,
  start,
  durationMin,
  people,
  timeZone,
  value,
  onChange,
  paused,
}: {
  appId: string;
  start: string;
  durationMin: number;
  /** The admin and the invitees: rooms seating them come first. */
  people: number;
  timeZone: string;
  value: number | null;
  onChange: (roomId: number | null) => void;
  /** Set while the form is with the server or leaving: the availability read waits. */
  paused?: RefObject<boolean>;
}) {
  const t = useTranslations("rooms.field");
  const [answer, setAnswer] = useState<{ key: string; result: AvailabilityResult } | null>(null);
  const [building, setBuilding] = useState("");
  const [floor, setFloor] = useState("");
  const ready =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(start) &&
    Number.isInteger(durationMin) &&
    durationMin >= 5;
  const key = `${appId}|${start}|${durationMin}`;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    // A short pause: typing a time changes it several times.
    const clear = pausableTimer(
      () =>
        void roomAvailabilityAction({ appId, start, durationMin }).then(
          (result) => live && setAnswer({ key, result }),
          () => live && setAnswer({ key, result: { ok: false, reason: "network" } }),
        ),
      250,
      paused,
    );
    return () => {
      live = false;
      clear();
    };
  }, [appId, start, durationMin, ready, key, paused]);

  const result = answer?.result;
  const rooms = useMemo(() => (result?.ok ? result.rooms : []), [result]);
  const buildings = [...new Set(rooms.map((r) => r.building))];
  const floors = [
    ...new Set(rooms.filter((r) => !building || r.building === building).map((r) => r.floor)),
  ];
  const shown = rooms
    .filter((r) => (!building || r.building === building) && (!floor || r.floor === floor))
    .sort((a, b) => fitsFirst(a, b, people));
  const loading = ready && answer?.key !== key;

  return (
    <Section title={t("label")}>
      <Labelled id="roomId" label={t("label")} hint={t("hint")} wide>
        <div className="grid gap-3" data-testid="room-field">
          {rooms.length > 0 && (
            <div className="flex flex-wrap gap-3">
              <label className="flex items-center gap-2 text-sm">
                {t("building")}
                <NativeSelect
                  className="w-40"
                  value={building}
                  onChange={(e) => (setBuilding(e.target.value), setFloor(""))}
                >
                  <option value="">{t("all")}</option>
                  {buildings.map((b) => (
                    <option key={b}>{b}</option>
                  ))}
                </NativeSelect>
              </label>
              <label className="flex items-center gap-2 text-sm">
                {t("floor")}
                <NativeSelect
                  className="w-28"
                  value={floor}
                  onChange={(e) => setFloor(e.target.value)}
                >
                  <option value="">{t("all")}</option>
                  {floors.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </NativeSelect>
              </label>
            </div>
          )}
          {!ready ? (
            <p className="text-sm text-muted-foreground">{t("pickTime")}</p>
          ) : loading && !result ? (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Spinner aria-label={t("loading")} /> {t("loading")}
            </p>
          ) : result && !result.ok ? (
            <p className="text-sm text-destructive">{t("failed", { reason: result.reason })}</p>
          ) : rooms.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("empty")}</p>
          ) : (
            <div
              role="radiogroup"
              aria-label={t("label")}
              aria-busy={loading}
              className="grid max-h-96 gap-1 overflow-y-auto rounded-md border p-1"
            >
              <RoomOption
                checked={value === null}
                onSelect={() => onChange(null)}
                label={t("none")}
              />
              {shown.map((r) => (
                <RoomOption
                  key={r.roomId}
                  checked={value === r.roomId}
                  disabled={r.needApproval || (!r.free && value !== r.roomId)}
                  onSelect={() => onChange(r.roomId)}
                  label={r.name}
                  testId={`room-option-${r.roomId}`}
                >
                  <span className="text-xs text-muted-foreground">
                    {r.building} {r.floor} · {t("capacity", { count: r.capacity })}
                    {r.capacity < people ? ` · ${t("tooSmall", { people })}` : ""}
                  </span>
                  <EquipmentIcons equipment={r.equipment} />
                  <span className="ml-auto flex flex-wrap items-center justify-end gap-1">
                    {r.needApproval ? (
                      <Badge variant="outline">{t("needsApproval")}</Badge>
                    ) : r.free ? (
                      <Badge variant="success">{t("free")}</Badge>
                    ) : (
                      <>
                        <Badge variant="warning">{t("taken")}</Badge>
                        {r.holders.map((h) => (
                          <span
                            key={`${h.start}-${h.booker}`}
                            className="text-xs text-muted-foreground"
                          >
                            {t("takenBy", {
                              booker: h.meeting ? `${h.booker}「${h.meeting.title}」` : h.booker,
                              from: hm(h.start, timeZone),
                              to: hm(h.end, timeZone),
                            })}
                          </span>
                        ))}
                      </>
                    )}
                  </span>
                </RoomOption>
              ))}
            </div>
          )}
        </div>
      </Labelled>
    </Section>
  );
}

/** Rooms seating everyone first, the smallest of them first; then the rest, largest first. */
function fitsFirst(a: RoomAvailability, b: RoomAvailability, people: number): number {
  const fa = a.capacity >= people;
  const fb = b.capacity >= people;
  if (fa !== fb) return fa ? -1 : 1;
  return fa ? a.capacity - b.capacity : b.capacity - a.capacity;
}

function RoomOption({
  checked,
  disabled,
  onSelect,
  label,
  testId,
  children,
}: {
  checked: boolean;
  disabled?: boolean;
  onSelect: () => void;
  label: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  return (
    <label
      data-testid={testId}
      data-disabled={disabled ? "" : undefined}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded px-2 py-1.5 text-sm hover:bg-accent data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60"
    >
      <input
        type="radio"
        name="roomId"
        className="accent-primary"
        checked={checked}
        disabled={disabled}
        onChange={onSelect}
      />
      <span className="font-medium">{label}</span>
      {children}
    </label>
  );
}
