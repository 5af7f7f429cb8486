// Rooms as rows (grouped by building and floor), hours as columns, each booking a block
// with its title and booker; MeetBridge's meetings link to their page, others show as
// taken. Free half hours still to come link to the booking form with room and start.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EquipmentIcons } from "@/components/rooms/equipment-icons";
import type { RoomBoard } from "@/lib/rooms/board";
import { formatWallClock } from "@/lib/schemas/wall-clock";

/** The hours the board shows: a working day with room either side. */
const FIRST_HOUR = 7;
const LAST_HOUR = 22;
const SLOT = 1800;

export async function BoardGrid({
  board,
  timeZone,
  nowSec,
  bookHref,
}: {
  board: RoomBoard;
  timeZone: string;
  nowSec: number;
  bookHref?: (roomId: number, start: string) => string;
}) {
  const t = await getTranslations("rooms");
  const from = board.dayStart + FIRST_HOUR * 3600;
  const to = board.dayStart + LAST_HOUR * 3600;
  const span = to - from;
  const pct = (sec: number) => `${((Math.min(Math.max(sec, from), to) - from) / span) * 100}%`;
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i);
  const slots = Array.from({ length: span / SLOT }, (_, i) => from + i * SLOT);
  const showNow = nowSec >= from && nowSec < to;
  const hm = (s: number) => formatWallClock(s, timeZone).slice(11);

  return (
    <div className="overflow-x-auto rounded-xl border bg-card shadow-sm" data-testid="room-board">
      <div className="min-w-[56rem]">
        <div className="grid grid-cols-[12rem_1fr] border-b text-xs text-muted-foreground">
          <div className="px-3 py-2 font-medium">{t("board.room")}</div>
          <div className="relative h-8">
            {hours.map((h) => (
              <span
                key={h}
                className="absolute top-2 -translate-x-1/2"
                style={{ left: pct(board.dayStart + h * 3600) }}
              >
                {String(h).padStart(2, "0")}:00
              </span>
            ))}
          </div>
        </div>
        {board.groups.map((g) => (
          <section key={`${g.building}|${g.floor}`} aria-label={`${g.building} ${g.floor}`}>
            <h2 className="border-b bg-muted/50 px-3 py-1.5 text-xs font-semibold">
              {g.building} · {g.floor}
            </h2>
            {g.rooms.map((r) => (
              <div
                key={r.roomId}
                className="grid grid-cols-[12rem_1fr] border-b last:border-b-0"
                data-testid={`board-room-${r.roomId}`}
              >
                <div className="grid gap-0.5 px-3 py-2 text-sm">
                  <span className="font-medium">{r.name}</span>
                  <span className="flex items-center gap-2 text-xs text-muted-foreground">
                    {t("field.capacity", { count: r.capacity })}
                    <EquipmentIcons equipment={r.equipment} />
                  </span>
                  {r.needApproval ? (
                    <span className="text-xs text-muted-foreground">
                      {t("field.needsApproval")}
                    </span>
                  ) : null}
                </div>
                <div className="relative h-14">
                  {hours.map((h) => (
                    <span
                      key={h}
                      className="absolute inset-y-0 border-l border-dashed"
                      style={{ left: pct(board.dayStart + h * 3600) }}
                      aria-hidden
                    />
                  ))}
                  {bookHref && !r.needApproval
                    ? slots
                        .filter(
                          (s) =>
                            s + SLOT > nowSec &&
                            !r.bookings.some((b) => b.start < s + SLOT && s < b.end),
                        )
                        .map((s) => {
                          const start = formatWallClock(Math.max(s, s), timeZone);
                          return (
                            <Link
                              key={s}
                              href={bookHref(r.roomId, start)}
                              className="absolute inset-y-1 rounded hover:bg-primary/10 focus-visible:bg-primary/10"
                              style={{ left: pct(s), width: `${(SLOT / span) * 100}%` }}
                              aria-label={t("board.freeSlot", { room: r.name, time: hm(s) })}
                              data-testid={`free-slot-${r.roomId}-${hm(s)}`}
                            />
                          );
                        })
                    : null}
                  {r.bookings.map((b) => {
                    const style = {
                      left: pct(b.start),
                      width: `calc(${pct(b.end)} - ${pct(b.start)})`,
                    };
                    const label = `${hm(b.start)}–${hm(b.end)}`;
                    return b.meeting ? (
                      <Link
                        key={`${b.start}-${b.booker}`}
                        href={`/meetings/${b.meeting.id}`}
                        className="absolute inset-y-1 overflow-hidden rounded border border-primary/40 bg-primary/15 px-1.5 py-0.5 text-xs hover:bg-primary/25"
                        style={style}
                        title={`${b.meeting.title} · ${b.booker} · ${label}`}
                        data-testid="board-block"
                      >
                        <span className="block truncate font-medium">{b.meeting.title}</span>
                        <span className="block truncate text-muted-foreground">{b.booker}</span>
                      </Link>
                    ) : (
                      <div
                        key={`${b.start}-${b.booker}`}
                        className="absolute inset-y-1 overflow-hidden rounded border bg-muted px-1.5 py-0.5 text-xs text-muted-foreground"
                        style={style}
                        title={`${t("board.takenElsewhere", { booker: b.booker })} · ${label}`}
                        data-testid="board-block-other"
                      >
                        <span className="block truncate">
                          {t("board.takenElsewhere", { booker: b.booker })}
                        </span>
                        <span className="block truncate">{label}</span>
                      </div>
                    );
                  })}
                  {showNow ? (
                    <span
                      className="pointer-events-none absolute inset-y-0 w-0.5 bg-destructive"
                      style={{ left: pct(nowSec) }}
                      aria-hidden
                    />
                  ) : null}
                </div>
              </div>
            ))}
          </section>
        ))}
        <div className="flex gap-4 px-3 py-2 text-xs text-muted-foreground">
          <span className="flex items-center gap-1">
            <span className="inline-block size-3 rounded border border-primary/40 bg-primary/15" />{" "}
            {t("board.legendMine")}
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block size-3 rounded border bg-muted" />{" "}
            {t("board.legendOther")}
          </span>
          {showNow ? (
            <span className="flex items-center gap-1">
              <span className="inline-block h-3 w-0.5 bg-destructive" /> {t("board.now")}
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}
