// Calendars (oa/calendar, api doc "Calendars"): who made each one, and whether an app may
// call the calendar API at all (日程接口权限, a per-app switch: on for every demo app,
// turned off with POST /__sim/apps/:key/calendar-permission). A calendar belongs to the
// app that created it; meetings and calendars are never used across apps.
import { randomBytes } from "node:crypto";
import type { Caller, Reply } from "./auth.js";
import type { SimApp } from "./seed-data.js";
import { invalid } from "./validate-meeting.js";

export interface SimCalendar {
  cal_id: string;
  appKey: string;
  corpId: string;
  summary: string;
  color: string;
  description: string;
  admins: string[];
  shares: { userid: string; permission: number }[];
  is_public: number;
  createdAt: number;
}

/** api doc: at most 10,000 calendars created per app per day. */
export const CALENDARS_PER_APP_PER_DAY = 10_000;

export class CalendarStore {
  readonly byId = new Map<string, SimCalendar>();
  /** Apps whose 日程接口权限 was taken away (every demo app has it at first). */
  readonly denied = new Set<string>();

  reset(): void {
    this.byId.clear();
    this.denied.clear();
  }

  newId(): string {
    for (;;) {
      const id = `wc${randomBytes(24).toString("base64url")}`;
      if (!this.byId.has(id)) return id;
    }
  }

  /** Calendars the app created within the day before `now`. */
  madeToday(appKey: string, now: number): number {
    let n = 0;
    for (const c of this.byId.values()) if (c.appKey === appKey && c.createdAt > now - 86_400) n++;
    return n;
  }
}

/** 48002 for an app without 日程接口权限, naming where it is granted for its kind. */
export function calendarForbidden(app: SimApp): Reply {
  const where =
    app.kind === "self_built"
      ? "应用管理 → 日程 → 可调用接口的应用"
      : "the provider console's 日程接口权限";
  return {
    errcode: 48002,
    errmsg: `api forbidden: app ${app.agentId} (${app.name}) has no permission for the calendar API (grant it under ${where})`,
  };
}

/**
 * A calendar the caller may use, or the refusal. The doc names no errcode for an unknown
 * or foreign cal_id: like an unknown meetingid, the simulator answers 40058 and says which.
 */
export function ownCalendar(
  calendars: CalendarStore,
  caller: Caller,
  calId: string,
): SimCalendar | Reply {
  const cal = calendars.byId.get(calId);
  if (!cal) return invalid(`invalid cal_id: no calendar ${calId}`);
  if (cal.appKey !== caller.app.key)
    return invalid(
      `invalid cal_id: calendar ${calId} was created by another app; calendars cannot be used across apps`,
    );
  return cal;
}

/**
 * The cal_id rule of meeting/create and meeting/update (api doc: "第三方应用必须指定cal_id";
 * a calendar created by the same app). Any app that sends one must own it; a third-party
 * app must send one, on update too, since its meetings live on its calendar.
 */
export function checkMeetingCalendar(
  calendars: CalendarStore,
  caller: Caller,
  calId: string | undefined,
): Reply | undefined {
  if (calId === undefined || calId === "") {
    if (caller.app.kind !== "third_party") return undefined;
    return invalid(
      "missing cal_id: 第三方应用必须指定cal_id (a third-party app must name a calendar it created with oa/calendar/add)",
    );
  }
  const cal = ownCalendar(calendars, caller, calId);
  return "errcode" in cal ? cal : undefined;
}
