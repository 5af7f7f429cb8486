import { describe, expect, it } from "vitest";
import { hoursShown, minuteOfDay, placeDay } from "./time-grid-layout";

const TZ = "Asia/Shanghai";
/** Unix seconds of a wall-clock time in Shanghai (UTC+8, no DST). */
const sh = (wall: string) => Date.parse(`2030-01-07T${wall}:00+08:00`) / 1000;
const at = (title: string, from: string, minutes: number) => ({
  title,
  startSec: sh(from),
  endSec: sh(from) + minutes * 60,
});
const lanes = (items: ReturnType<typeof at>[]) =>
  placeDay(items, TZ).map((p) => [p.item.title, p.startMin, p.endMin, p.lane, p.lanes]);

describe("the week's time grid", () => {
  it("places an occurrence at its wall-clock minutes in the tenant's zone", () => {
    expect(minuteOfDay(sh("10:30"), TZ)).toBe(630);
    expect(minuteOfDay(sh("10:30"), "UTC")).toBe(150);
    expect(lanes([at("a", "10:00", 60)])).toEqual([["a", 600, 660, 0, 1]]);
  });

  it("puts overlapping occurrences side by side and reuses a lane once it is free", () => {
    expect(
      lanes([
        at("c", "11:00", 30),
        at("a", "10:00", 90),
        at("b", "10:30", 30),
        at("d", "14:00", 60),
      ]),
    ).toEqual([
      ["a", 600, 690, 0, 2],
      ["b", 630, 660, 1, 2],
      ["c", 660, 690, 1, 2],
      ["d", 840, 900, 0, 1],
    ]);
  });

  it("treats a very short occurrence as long enough to read when it comes to overlaps", () => {
    expect(lanes([at("a", "09:00", 5), at("b", "09:10", 30)])).toEqual([
      ["a", 540, 545, 0, 2],
      ["b", 550, 580, 1, 2],
    ]);
  });

  it("clips an occurrence that runs past midnight to its day", () => {
    expect(lanes([at("late", "23:00", 120)])).toEqual([["late", 1380, 1440, 0, 1]]);
  });

  it("shows the working day, widened to the earliest and latest occurrence", () => {
    expect(hoursShown([[]])).toEqual({ first: 8, last: 18 });
    const day = placeDay([at("early", "06:30", 60), at("late", "20:15", 60)], TZ);
    expect(hoursShown([day])).toEqual({ first: 6, last: 22 });
  });
});
