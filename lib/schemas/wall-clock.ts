// Times as people type them ("2026-12-01T09:30", a wall clock in the tenant's time
// zone) and as WeCom takes them (Unix seconds). The browser's own zone plays no part,
// so a person travelling in another zone books the time the tenant means. Client-safe.
import { TZDate } from "@date-fns/tz";

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  y: number;
  /** 1-12 */
  m: number;
  d: number;
}

function validDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1970 &&
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === m - 1 &&
    probe.getUTCDate() === d
  );
}

export function parseCivilDate(s: string): CivilDate | undefined {
  const match = DATE_RE.exec(s);
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  return validDate(y, m, d) ? { y, m, d } : undefined;
}

/** Unix seconds of a wall-clock time in `timeZone`, or undefined when it is no valid time. */
export function parseWallClock(s: string, timeZone: string): number | undefined {
  const match = WALL_RE.exec(s);
  if (!match) return undefined;
  const [y, m, d, hh, mm] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (!validDate(y, m, d) || hh > 23 || mm > 59) return undefined;
  return Math.floor(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime() / 1000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DDTHH:mm" of an instant in `timeZone` (what a datetime-local input holds). */
export function formatWallClock(sec: number, timeZone: string): string {
  const t = new TZDate(sec * 1000, timeZone);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** "YYYY-MM-DD" of an instant in `timeZone`. */
export function formatCivilDate(sec: number, timeZone: string): string {
  return formatWallClock(sec, timeZone).slice(0, 10);
}

/** The instant on `day` at the wall-clock time `timeOf` has in `timeZone`. */
export function wallClockOfDay(day: CivilDate, timeOf: number, timeZone: string): number {
  const t = new TZDate(timeOf * 1000, timeZone);
  return Math.floor(
    new TZDate(day.y, day.m - 1, day.d, t.getHours(), t.getMinutes(), 0, timeZone).getTime() / 1000,
  );
}

/** The next half hour from now, at least 15 minutes ahead: the form's default start. */
export function nextHalfHour(nowSec: number, timeZone: string): string {
  const step = 1800;
  const start = Math.ceil((nowSec + 900) / step) * step;
  return formatWallClock(start, timeZone);
}

/** "UTC+8" for a zone at an instant: shown next to every time a person enters. */
export function utcOffsetLabel(timeZone: string, sec: number): string {
  const offsetMin = -new TZDate(sec * 1000, timeZone).getTimezoneOffset();
  const sign = offsetMin >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMin);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}

/** Now, in Unix seconds. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
