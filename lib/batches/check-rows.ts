// The preview's checks of every row, before anything is sent: the booking form's own
// (checkBooking: schema, app, people), the overlap warning the form shows, rows the file
// repeats, and rows already booked under their key (a re-upload, a known external
// reference), which are marked and never sent again. A single meeting's room is checked
// free at its time from the day's bookings (one get_booking_info per app and day, read as
// the form's picker reads them) and against the file's earlier rows; a series gets its
// room on its free days from WeCom, and a refusal at booking is the row's reason.
import "server-only";
import { checkBooking, checkCache } from "@/lib/meetings/check-booking";
import { meetingDeps, type MeetingDeps } from "@/lib/meetings/deps";
import { findOverlapsMany } from "@/lib/meetings/overlaps";
import { requestHash } from "@/lib/meetings/request-hash";
import type { MeetingActor } from "@/lib/meetings/types";
import type { BookingValues } from "@/lib/schemas/booking-values";
import { msg } from "@/lib/schemas/messages";
import { formatWallClock, parseWallClock } from "@/lib/schemas/wall-clock";
import { dayBookings } from "@/lib/rooms/day-bookings";
import { columnOfField } from "./columns";
import type { CellError, RowDraft } from "./draft-rows";
import { rowKey } from "./row-key";

export interface CheckedRow extends Omit<RowDraft, "values"> {
  values: BookingValues;
  /** The meeting this row's key already booked: it is reported, not booked again. */
  already?: { meetingId: string; sameRequest: boolean };
}

/** Rows checked at once: the checks are a few queries each, no WeCom call. */
const CHECKS_AT_ONCE = 8;

export async function checkRows(
  actor: MeetingActor,
  drafts: RowDraft[],
  deps: Pick<MeetingDeps, "nowSec"> & Partial<MeetingDeps> = meetingDeps,
): Promise<CheckedRow[]> {
  const rows = drafts.map((d) => {
    const values = { ...d.values, idempotencyKey: rowKey(d.values as never, d.externalRef) };
    return { ...d, errors: [...d.errors], warnings: [...d.warnings], values } as CheckedRow;
  });

  const booked = await actor.db.meeting.findMany({
    where: { idempotencyKey: { in: rows.map((r) => r.values.idempotencyKey) } },
    select: { id: true, idempotencyKey: true, requestHash: true },
  });
  const byKey = new Map(booked.map((m) => [m.idempotencyKey, m]));
  const firstLine = new Map<string, number>();
  const ids = (v: Record<string, unknown>, f: string) =>
    Array.isArray(v[f]) ? (v[f] as string[]) : [];
  const cache = checkCache(
    drafts.flatMap((d) => [
      String(d.values.adminId ?? ""),
      ...ids(d.values, "inviteeIds"),
      ...ids(d.values, "hostIds"),
      ...ids(d.values, "ringIds"),
    ]),
  );
  const valid: { row: CheckedRow; values: BookingValues }[] = [];

  await eachAtOnce(rows, CHECKS_AT_ONCE, async (row) => {
    const key = row.values.idempotencyKey;
    const m = byKey.get(key);
    if (m) {
      // Not sent again, so the form's checks (a start now past) do not apply to it.
      row.already = { meetingId: m.id, sameRequest: m.requestHash === requestHash(row.values) };
      row.errors = [];
      return;
    }
    const first = firstLine.get(key);
    if (first !== undefined) {
      const field = row.externalRef ? "externalRef" : "";
      row.errors.push({ field, message: msg("batchDuplicateRow", { line: first }) });
    } else firstLine.set(key, row.line);

    const checked = await checkBooking(actor, row.values, deps, cache);
    if (!checked.ok) addErrors(row.errors, checked.fieldErrors, checked.formError);
    else if (row.errors.length === 0) valid.push({ row, values: checked.values });
  });

  // The form's overlap warning, for every valid row in one query.
  const overlaps = await findOverlapsMany(
    actor.db,
    valid.map(({ values }) => ({
      accountIds: [values.adminId, ...values.inviteeIds],
      startSec: parseWallClock(values.start, actor.timeZone)!,
      durationSec: values.durationMin * 60,
    })),
  );
  valid.forEach(({ row }, i) => {
    const found = overlaps[i]!;
    if (found.length)
      row.warnings.push(
        msg("batchOverlap", {
          count: found.length,
          titles: found
            .slice(0, 3)
            .map((o) => o.title)
            .join("、"),
        }),
      );
  });
  await checkRoomsFree(
    actor,
    // A series takes its room on its free days (WeCom names the others): not checked here.
    valid.filter(({ row, values }) => row.room && !values.isRepeat),
    { ...meetingDeps, ...deps },
  );
  rows.sort((a, b) => a.line - b.line);
  return rows;
}

/** A valid row's room taken at its time (by WeCom's bookings, or an earlier row): an error. */
async function checkRoomsFree(
  actor: MeetingActor,
  rows: { row: CheckedRow; values: BookingValues }[],
  deps: MeetingDeps,
) {
  const hhmm = (sec: number) => formatWallClock(sec, actor.timeZone).slice(11, 16);
  const taken = new Map<number, { start: number; end: number; line: number; appId: string }[]>();
  rows.sort((a, b) => a.row.line - b.row.line);
  for (const { row, values } of rows) {
    const start = parseWallClock(values.start, actor.timeZone)!;
    const end = start + values.durationMin * 60;
    const room = row.room!;
    const earlier = (taken.get(room.id) ?? []).find(
      (t) => t.appId === values.appId && t.start < end && start < t.end,
    );
    if (earlier)
      row.errors.push({
        field: "room",
        message: msg("batchRoomSameFile", { room: room.name, line: earlier.line }),
      });
    else
      taken.set(room.id, [
        ...(taken.get(room.id) ?? []),
        { start, end, line: row.line, appId: values.appId },
      ]);
  }
  await eachAtOnce(rows, CHECKS_AT_ONCE, async ({ row, values }) => {
    if (row.errors.length) return;
    const start = parseWallClock(values.start, actor.timeZone)!;
    const end = start + values.durationMin * 60;
    let holders;
    try {
      const first = await dayBookings(actor.db, values.appId, start, actor.timeZone, deps);
      const days =
        end > first.dayEnd
          ? [first, await dayBookings(actor.db, values.appId, first.dayEnd, actor.timeZone, deps)]
          : [first];
      holders = days
        .flatMap((d) => d.byRoom.get(row.room!.id) ?? [])
        .filter((s) => s.start < end && start < s.end);
    } catch {
      return; // WeCom unreadable now: its refusal at booking is the row's reason.
    }
    const h = holders[0];
    if (h)
      row.errors.push({
        field: "room",
        message: msg("batchRoomTaken", {
          room: row.room!.name,
          from: hhmm(h.start),
          to: hhmm(h.end),
        }),
      });
  });
}

/** The domain's field errors at their columns; a column keeps the error found first. */
function addErrors(
  errors: CellError[],
  fieldErrors: Record<string, string | undefined>,
  form?: string,
) {
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (!message) continue;
    const column = columnOfField(field);
    if (!errors.some((e) => e.field === column && column !== ""))
      errors.push({ field: column, message });
  }
  if (form) errors.push({ field: "", message: form });
}

/** Runs `fn` over the items with at most `n` at once. */
export async function eachAtOnce<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}
