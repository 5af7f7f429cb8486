// The batch sheet's columns (the template, the upload, the result CSV): one meeting per
// row, headers in Chinese or English in any order, mapped to the booking form's fields.
// The room is named by its name or WeCom meetingroom_id (room-cells.ts resolves it).
// Client-safe.
import type { BookingField } from "@/lib/meetings/types";

export const BATCH_FIELDS = [
  "app",
  "admin",
  "title",
  "start",
  "duration",
  "invitees",
  "ringMode",
  "password",
  "repeatType",
  "repeatInterval",
  "repeatUntil",
  "room",
  "location",
  "description",
  "externalRef",
] as const;
export type BatchField = (typeof BATCH_FIELDS)[number];

export const HEADERS: Record<BatchField, { zh: string; en: string }> = {
  app: { zh: "应用", en: "app" },
  admin: { zh: "管理员工号", en: "adminJobNumber" },
  title: { zh: "会议标题", en: "title" },
  start: { zh: "开始时间", en: "start" },
  duration: { zh: "时长（分钟）", en: "durationMin" },
  invitees: { zh: "参会人", en: "invitees" },
  ringMode: { zh: "响铃", en: "ringMode" },
  password: { zh: "入会密码", en: "password" },
  repeatType: { zh: "重复", en: "repeatType" },
  repeatInterval: { zh: "重复间隔", en: "repeatInterval" },
  repeatUntil: { zh: "重复结束日期", en: "repeatUntil" },
  room: { zh: "会议室", en: "room" },
  location: { zh: "地点", en: "location" },
  description: { zh: "描述", en: "description" },
  externalRef: { zh: "外部编号", en: "externalRef" },
};

/** Other spellings people type, lower-cased, spaces and brackets taken out (normalHeader). */
const ALIASES: Record<string, BatchField> = {
  应用名称: "app",
  appid: "app",
  管理员: "admin",
  admin: "admin",
  主持人工号: "admin",
  标题: "title",
  会议主题: "title",
  时长: "duration",
  duration: "duration",
  时长分钟: "duration",
  参会人员: "invitees",
  参会人工号: "invitees",
  inviteejobnumbers: "invitees",
  提醒方式: "ringMode",
  remindscope: "ringMode",
  密码: "password",
  重复类型: "repeatType",
  重复方式: "repeatType",
  间隔: "repeatInterval",
  重复结束: "repeatUntil",
  结束日期: "repeatUntil",
  会议室名称: "room",
  roomid: "room",
  会议地点: "location",
  会议描述: "description",
  外部单号: "externalRef",
  oa编号: "externalRef",
  externalref: "externalRef",
};

export function normalHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_()（）]/g, "");
}

const FIELD_BY_HEADER = new Map<string, BatchField>([
  ...BATCH_FIELDS.flatMap((f) => [
    [normalHeader(HEADERS[f].zh), f] as const,
    [normalHeader(HEADERS[f].en), f] as const,
  ]),
  ...Object.entries(ALIASES).map(([k, f]) => [normalHeader(k), f] as const),
]);

export function fieldOfHeader(header: string): BatchField | undefined {
  return FIELD_BY_HEADER.get(normalHeader(header));
}

export const REQUIRED_FIELDS: BatchField[] = ["app", "admin", "title", "start"];

/** The column a booking field's error lands in ("" for the row as a whole). */
export function columnOfField(field: string): BatchField | "" {
  const map: Partial<Record<BookingField, BatchField>> = {
    appId: "app",
    adminId: "admin",
    title: "title",
    start: "start",
    durationMin: "duration",
    inviteeIds: "invitees",
    remindScope: "ringMode",
    password: "password",
    isRepeat: "repeatType",
    repeatType: "repeatType",
    repeatInterval: "repeatInterval",
    repeatUntil: "repeatUntil",
    location: "location",
    description: "description",
  };
  return map[field as BookingField] ?? "";
}

export type SheetLocale = "zh-CN" | "en";
export const headerOf = (f: BatchField, locale: SheetLocale) =>
  HEADERS[f][locale === "en" ? "en" : "zh"];

/** The result CSV's own columns: ignored when a result is uploaded again. */
export const RESULT_HEADERS = new Set(
  [
    "结果",
    "会议",
    "meetingid",
    "会议号",
    "入会链接",
    "原因",
    "result",
    "meeting",
    "code",
    "joinlink",
    "reason",
  ].map(normalHeader),
);
