// oa/calendar/add, get and del (api doc "Calendars"; WeCom's 93647): the rules of a
// calendar, its owner app, and the 日程接口权限 every call needs.
import type { Hono } from "hono";
import { z } from "zod";
import type { Caller, Reply } from "./auth.js";
import {
  calendarForbidden,
  CALENDARS_PER_APP_PER_DAY,
  ownCalendar,
  type SimCalendar,
} from "./calendars.js";
import { calendarAddSchema, calendarDelSchema, calendarGetSchema } from "./calendar-schema.js";
import { describeIssue } from "./meeting-schema.js";
import { defineOperation, type SimEnv } from "./operation.js";
import { bookingContext } from "./routes-meeting.js";
import { SIM_APPS } from "./seed-data.js";
import type { SimState } from "./state.js";
import { checkMember, invalid } from "./validate-meeting.js";

function forbidden(state: SimState, caller: Caller): Reply | undefined {
  return state.calendars.denied.has(caller.app.key) ? calendarForbidden(caller.app) : undefined;
}

function calendarView(c: SimCalendar) {
  return {
    cal_id: c.cal_id,
    summary: c.summary,
    color: c.color,
    description: c.description,
    admins: c.admins,
    shares: c.shares,
    is_public: c.is_public,
  };
}

export function registerCalendarRoutes(app: Hono<SimEnv>, state: SimState): void {
  defineOperation(app, state, {
    name: "oa/calendar/add",
    method: "POST",
    auth: "corp",
    handler: ({ body, caller }) => {
      const denied = forbidden(state, caller);
      if (denied) return denied;
      const parsed = calendarAddSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const { calendar: c, agentid } = parsed.data;
      if (agentid !== undefined && agentid !== caller.app.agentId)
        return { errcode: 40056, errmsg: `invalid agentid: ${agentid} is not the calling app's` };
      if (c.set_as_default === 1 && caller.app.kind === "third_party")
        return invalid("invalid calendar.set_as_default: not allowed for third-party apps");
      // api doc: the organiser and the shares must be inside the app's visible range.
      const ctx = bookingContext(state, caller);
      const people: [string, string][] = [
        ...(c.admins ?? []).map((u): [string, string] => [u, "calendar.admins"]),
        ...(c.shares ?? []).map((s): [string, string] => [s.userid, "calendar.shares"]),
      ];
      for (const [userid, field] of people) {
        const failure = checkMember(ctx, userid, field);
        if (failure) return failure;
      }
      if (state.calendars.madeToday(caller.app.key, ctx.now) >= CALENDARS_PER_APP_PER_DAY)
        return {
          errcode: 45009,
          errmsg: `api freq out of limit: at most ${CALENDARS_PER_APP_PER_DAY} calendars per app per day`,
        };
      const cal: SimCalendar = {
        cal_id: state.calendars.newId(),
        appKey: caller.app.key,
        corpId: caller.corp.corpId,
        summary: c.summary,
        color: c.color.toUpperCase(),
        description: c.description ?? "",
        admins: c.admins ?? [],
        shares: (c.shares ?? []).map((s) => ({ userid: s.userid, permission: s.permission ?? 1 })),
        is_public: c.is_public ?? 0,
        createdAt: ctx.now,
      };
      state.calendars.byId.set(cal.cal_id, cal);
      state.changed();
      return { errcode: 0, errmsg: "ok", cal_id: cal.cal_id, fail_result: { shares: [] } };
    },
  });

  defineOperation(app, state, {
    name: "oa/calendar/get",
    method: "POST",
    auth: "corp",
    handler: ({ body, caller }) => {
      const denied = forbidden(state, caller);
      if (denied) return denied;
      const parsed = calendarGetSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const list: SimCalendar[] = [];
      for (const id of parsed.data.cal_id_list) {
        const cal = ownCalendar(state.calendars, caller, id);
        if ("errcode" in cal) return cal;
        list.push(cal);
      }
      return { errcode: 0, errmsg: "ok", calendar_list: list.map(calendarView) };
    },
  });

  defineOperation(app, state, {
    name: "oa/calendar/del",
    method: "POST",
    auth: "corp",
    handler: ({ body, caller }) => {
      const denied = forbidden(state, caller);
      if (denied) return denied;
      const parsed = calendarDelSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const cal = ownCalendar(state.calendars, caller, parsed.data.cal_id);
      if ("errcode" in cal) return cal;
      state.calendars.byId.delete(cal.cal_id);
      state.changed();
      return { errcode: 0, errmsg: "ok" };
    },
  });

  // Test controls: the calendars held, and the 日程接口权限 switch of one app.
  app.get("/__sim/calendars", (c) => c.json([...state.calendars.byId.values()]));
  app.post("/__sim/apps/:key/calendar-permission", async (c) => {
    const key = c.req.param("key");
    if (!SIM_APPS.some((a) => a.key === key)) return c.json({ error: `unknown app ${key}` }, 404);
    const parsed = z
      .object({ granted: z.boolean() })
      .strict()
      .safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: "expected {granted: boolean}" }, 400);
    if (parsed.data.granted) state.calendars.denied.delete(key);
    else state.calendars.denied.add(key);
    state.changed();
    return c.json({ key, granted: !state.calendars.denied.has(key) });
  });
}
