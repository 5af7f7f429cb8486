// Cell text → the booking form's values, for the cells that are not people or apps. What
// a cell cannot say is passed on as is, so the form's own schema refuses it with the
// form's own message (a start the schema cannot read says 请输入有效的开始时间).
// Client-safe and pure.
import type { BookingValues } from "@/lib/schemas/booking-values";

const pad = (n: string) => n.padStart(2, "0");

/** "2026-12-01 9:00", "2026/12/1 09:00", "2026-12-01T09:00" → "2026-12-01T09:00". */
export function startValue(cell: string): string {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2})[:：](\d{2})(?::\d{2})?$/.exec(
      cell.trim(),
    );
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}T${pad(m[4]!)}:${m[5]}` : cell.trim();
}

/** "2026-12-31", "2026/12/31" → "2026-12-31"; blank stays blank (the longest series). */
export function dateValue(cell: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.trim());
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : cell.trim();
}

/** Minutes; blank is the form's default (60); anything else not a whole number is NaN. */
export function durationValue(cell: string): number {
  const c = cell
    .trim()
    .replace(/分钟|min(ute)?s?$/i, "")
    .trim();
  if (c === "") return 60;
  return /^\d{1,6}(\.\d+)?$/.test(c) ? Number(c) : Number.NaN;
}

const RING: Record<string, BookingValues["remindScope"]> = {
  不响铃: 1,
  none: 1,
  "1": 1,
  仅主持人: 2,
  主持人: 2,
  host: 2,
  "2": 2,
  全员: 3,
  所有成员: 3,
  all: 3,
  "3": 3,
};

/** 响铃: blank → host only (WeCom's default); unknown → an invalid value for the schema. */
export function ringValue(cell: string): number {
  const c = cell.trim().toLowerCase();
  if (c === "") return 2;
  return RING[c] ?? -1;
}

const REPEAT: Record<string, BookingValues["repeatType"] | null> = {
  "": null,
  不重复: null,
  否: null,
  none: null,
  每天: 0,
  daily: 0,
  每周: 1,
  weekly: 1,
  每月: 2,
  monthly: 2,
  工作日: 7,
  每个工作日: 7,
  workdays: 7,
  weekdays: 7,
};

/** 重复 → isRepeat and repeatType; unknown text → a repeat the schema refuses. */
export function repeatValues(
  type: string,
  interval: string,
  until: string,
): Pick<BookingValues, "isRepeat" | "repeatUntil"> & {
  repeatType: number;
  repeatInterval: number;
} {
  const t = type.trim().toLowerCase();
  const known = t in REPEAT;
  const repeatType = known ? REPEAT[t] : -1;
  const i = interval.trim();
  return {
    isRepeat: repeatType !== null,
    repeatType: repeatType ?? 0,
    repeatInterval: i === "" ? 1 : /^\d{1,3}$/.test(i) ? Number(i) : -1,
    repeatUntil: repeatType === null ? "" : dateValue(until),
  };
}

/** Job numbers or department names in one cell, split at commas, 、, semicolons or spaces. */
export function peopleTokens(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[,，;；、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
