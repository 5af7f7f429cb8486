// meeting/cancel, meeting/get_info and meeting/get_user_meetingid.
import type { Hono } from "hono";
import {
  cancelSchema,
  describeIssue,
  getInfoSchema,
  userMeetingsSchema,
} from "./meeting-schema.js";
import { getInfoBody, occurrences, participants } from "./meeting-view.js";
import { cancelOccurrence } from "./occurrence-cancel.js";
import { defineOperation, type SimEnv } from "./operation.js";
import { bookingContext, findOwnMeeting, requireBooked } from "./routes-meeting.js";
import type { SimState } from "./state.js";
import { checkMember, invalid } from "./validate-meeting.js";

const MAX_WINDOW_SEC = 180 * 86_400;

export function registerMeetingReadRoutes(app: Hono<SimEnv>, state: SimState): void {
  defineOperation(app, state, {
    name: "meeting/cancel",
    method: "POST",
    auth: "meeting",
    handler: ({ body, caller }) => {
      const parsed = cancelSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const m = findOwnMeeting(state, caller, parsed.data.meetingid);
      if ("errcode" in m) return m;
      const sub = parsed.data.sub_meetingid;
      if (sub !== undefined) {
        const refused = cancelOccurrence(state, m, sub, caller.corp.timeZone);
        return refused ?? { errcode: 0, errmsg: "ok" };
      }
      const notBooked = requireBooked(state, caller, m, "cancelled");
      if (notBooked) return notBooked;
      m.cancelled = true;
      state.changed();
      return { errcode: 0, errmsg: "ok" };
    },
  });

  defineOperation(app, state, {
    name: "meeting/get_info",
    method: "POST",
    auth: "meeting",
    handler: ({ body, caller }) => {
      const parsed = getInfoSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const m = findOwnMeeting(state, caller, parsed.data.meetingid);
      if ("errcode" in m) return m;
      return {
        errcode: 0,
        errmsg: "ok",
        ...getInfoBody(m, state.clock.nowSec(), caller.corp.timeZone),
      };
    },
  });

  defineOperation(app, state, {
    name: "meeting/get_user_meetingid",
    method: "POST",
    auth: "meeting",
    handler: ({ body, caller }) => {
      const parsed = userMeetingsSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const b = parsed.data;
      const ctx = bookingContext(state, caller);
      const memberFailure = checkMember(ctx, b.userid, "userid");
      if (memberFailure) return memberFailure;
      // Defaults when the window is left open: from now, as far as the API allows.
      const begin = b.begin_time ?? ctx.now;
      const end = b.end_time ?? begin + MAX_WINDOW_SEC;
      if (end < begin) return invalid("invalid end_time: earlier than begin_time");
      if (end - begin > MAX_WINDOW_SEC)
        return invalid("invalid begin_time/end_time: the window is at most 180 days");
      const tz = caller.corp.timeZone;
      // api doc, get_user_meetingid: end_time bounds only past meetings; every future
      // meeting from begin_time on is listed, however far beyond end_time it starts.
      const listed = (start: number) => start >= begin && (start <= end || start > ctx.now);
      const ids = [...state.meetings.values()]
        .filter((m) => m.appKey === caller.app.key && participants(m).has(b.userid))
        .filter((m) => occurrences(m, tz).some((o) => listed(o.start)))
        .sort((x, y) => x.meeting_start - y.meeting_start || x.meetingid.localeCompare(y.meetingid))
        .map((m) => m.meetingid);
      const offset = Number(b.cursor || "0");
      const limit = b.limit ?? 100;
      const page = ids.slice(offset, offset + limit);
      const next = offset + limit < ids.length ? String(offset + limit) : "";
      return { errcode: 0, errmsg: "ok", next_cursor: next, meetingid_list: page };
    },
  });
}
