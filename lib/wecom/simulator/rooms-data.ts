// The simulator's meeting rooms (oa/meetingroom, wecom-meeting-api.md "Meeting rooms"):
// the demo corp's rooms, and the bookings "made elsewhere" (in the WeCom client or the
// admin console) that a fresh simulator starts with, placed relative to its clock so a
// demo always shows taken rooms today and this week. Pure data and time arithmetic.
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { SIM_CORP_ID } from "./seed-data.js";

/** WeCom's equipment codes: 1 TV, 2 phone, 3 projector, 4 whiteboard, 5 video. */
export const ROOM_EQUIPMENT = [1, 2, 3, 4, 5] as const;

export interface SimRoom {
  meetingroom_id: number;
  corpId: string;
  name: string;
  capacity: number;
  city: string;
  building: string;
  floor: string;
  equipment: number[];
  need_approval: boolean;
}

type RoomRow = [
  id: number,
  name: string,
  capacity: number,
  building: string,
  floor: string,
  equipment: number[],
  approval?: boolean,
];

const A = "总部大厦";
const B = "研发中心";
const ROWS: RoomRow[] = [
  [1, "长江", 10, A, "3F", [1, 3, 4]],
  [2, "黄河", 6, A, "3F", [1, 4]],
  [3, "珠江", 4, A, "3F", [4]],
  [4, "泰山", 20, A, "5F", [1, 2, 3, 5]],
  [5, "华山", 8, A, "5F", [1, 5]],
  [6, "董事会议室", 16, A, "8F", [1, 2, 3, 5], true],
  [7, "黄山", 12, A, "8F", [1, 3, 5]],
  [8, "启明", 6, B, "2F", [4]],
  [9, "北斗", 10, B, "2F", [1, 4, 5]],
  [10, "天枢", 4, B, "2F", []],
  [11, "摇光", 30, B, "4F", [1, 2, 3, 4, 5]],
  [12, "开阳", 8, B, "4F", [1, 4]],
];

export const SIM_ROOMS: SimRoom[] = ROWS.map(
  ([id, name, capacity, building, floor, equipment, approval]) => ({
    meetingroom_id: id,
    corpId: SIM_CORP_ID,
    name,
    capacity,
    city: "深圳",
    building,
    floor,
    equipment,
    need_approval: approval === true,
  }),
);

/** Midnight (Unix seconds) of the day holding `sec` in the time zone. */
export function dayStartSec(sec: number, timeZone: string): number {
  return Math.floor(startOfDay(new TZDate(sec * 1000, timeZone)).getTime() / 1000);
}

/** The local time `hh:mm` on the day `days` after the day holding `sec`. */
export function localTimeSec(
  sec: number,
  timeZone: string,
  days: number,
  hh: number,
  mm = 0,
): number {
  const day = addDays(startOfDay(new TZDate(sec * 1000, timeZone)), days);
  day.setHours(hh, mm, 0, 0);
  return Math.floor(day.getTime() / 1000);
}

export interface SeedBooking {
  roomId: number;
  booker: string;
  subject: string;
  /** Days after today, local start hour and minute, minutes long. */
  day: number;
  hh: number;
  mm: number;
  minutes: number;
}

/** Taken rooms a fresh demo shows: today, tomorrow and later this week. */
export const SEED_BOOKINGS: SeedBooking[] = [
  { roomId: 1, booker: "gaoyuan", subject: "市场周会", day: 0, hh: 10, mm: 0, minutes: 60 },
  { roomId: 1, booker: "luoyi", subject: "品牌评审", day: 0, hh: 15, mm: 30, minutes: 90 },
  { roomId: 2, booker: "dengli", subject: "面试", day: 0, hh: 9, mm: 30, minutes: 60 },
  { roomId: 4, booker: "zhangwei", subject: "经营分析会", day: 0, hh: 14, mm: 0, minutes: 120 },
  { roomId: 9, booker: "lihua", subject: "架构评审", day: 0, hh: 11, mm: 0, minutes: 60 },
  { roomId: 9, booker: "wuhao", subject: "技术分享", day: 1, hh: 16, mm: 0, minutes: 60 },
  { roomId: 5, booker: "xuqing", subject: "需求评审", day: 1, hh: 10, mm: 0, minutes: 90 },
  { roomId: 11, booker: "tianjing", subject: "新员工培训", day: 2, hh: 9, mm: 0, minutes: 180 },
  { roomId: 7, booker: "wangfang", subject: "季度复盘", day: 3, hh: 14, mm: 0, minutes: 120 },
];
