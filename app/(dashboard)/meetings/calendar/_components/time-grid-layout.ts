// Where the week's time grid puts each occurrence: minutes from the day's midnight in the
// tenant's zone, side-by-side lanes for occurrences that overlap, and the hours to show.
import { TZDate } from "@date-fns/tz";

/** Shorter occurrences still get room for a line of text, and overlap as drawn. */
export const MIN_DRAWN_MINUTES = 30;
/** The working day is always shown; earlier or later meetings widen the grid. */
export const DEFAULT_HOURS = { first: 8, last: 18 } as const;

const DAY_MINUTES = 24 * 60;

export interface Timed {
  startSec: number;
  endSec: number;
}

export interface Placed<T extends Timed> {
  item: T;
  /** Minutes from midnight in the zone, the end clipped to the day's end. */
  startMin: number;
  endMin: number;
  /** The lane (0-based) among `lanes` side by side in its group of overlapping items. */
  lane: number;
  lanes: number;
}

/** The wall-clock minute of the day of `sec` in the zone. */
export function minuteOfDay(sec: number, timeZone: string): number {
  const t = new TZDate(sec * 1000, timeZone);
  return t.getHours() * 60 + t.getMinutes();
}

/**
 * One day's items placed: each overlapping group shares the width, each item in the
 * lowest lane free at its start. Items come back in start order.
 */
export function placeDay<T extends Timed>(items: readonly T[], timeZone: string): Placed<T>[] {
  const placed = items
    .map((item) => {
      const startMin = minuteOfDay(item.startSec, timeZone);
      const length = Math.max(0, Math.round((item.endSec - item.startSec) / 60));
      return {
        item,
        startMin,
        endMin: Math.min(DAY_MINUTES, startMin + length),
        lane: 0,
        lanes: 1,
      };
    })
    .sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
  const drawnEnd = (p: Placed<T>) => Math.max(p.endMin, p.startMin + MIN_DRAWN_MINUTES);

  let group: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const close = () => {
    for (const p of group) p.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const p of placed) {
    if (p.startMin >= groupEnd) close();
    const free = laneEnds.findIndex((end) => end <= p.startMin);
    p.lane = free === -1 ? laneEnds.length : free;
    laneEnds[p.lane] = drawnEnd(p);
    groupEnd = Math.max(groupEnd, drawnEnd(p));
    group.push(p);
  }
  close();
  return placed;
}

/** The hours the grid shows: the working day, widened to every placed item. */
export function hoursShown(days: readonly Placed<Timed>[][]): { first: number; last: number } {
  let first: number = DEFAULT_HOURS.first;
  let last: number = DEFAULT_HOURS.last;
  for (const p of days.flat()) {
    first = Math.min(first, Math.floor(p.startMin / 60));
    last = Math.max(last, Math.ceil(Math.max(p.endMin, p.startMin + MIN_DRAWN_MINUTES) / 60));
  }
  return { first, last: Math.min(24, last) };
}
