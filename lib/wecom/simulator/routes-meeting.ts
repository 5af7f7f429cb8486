// meeting/create and meeting/update: both end in a complete booking checked by
// validate-meeting.ts, so an update can never produce a meeting create would refuse.
import type { Hono } from "hono";
import type { Caller, Reply } from "./auth.js";
import { checkMeetingCalendar } from "./calendars.js";
import {
  applyAdvancedFields,
  checkAdvancedFields,
  withAdvancedReminders,
} from "./advanced-store.js";
import { createSchema, describeIssue, updateSchema } from "./meeting-schema.js";
import { meetingStatus, STATUS, STATUS_LABEL } from "./meeting-view.js";
import { defineOperation, type SimEnv } from "./operation.js";
import type { SimMeeting, SimState } from "./state.js";
import {
  checkBooking,
  checkSentBlocks,
  invalid,
  normalizeReminders,
  normalizeSettings,
  withoutCreator,
  type Booking,
  type BookingContext,
} from "./validate-meeting.js";

const unique = (ids: string[]) => [...new Set(ids)];

export function bookingContext(state: SimState, caller: Caller): BookingContext {
  return { state, app: caller.app, corp: caller.corp, now: state.clock.nowSec() };
}

/** Unknown and foreign meetings answer alike, apart from the errmsg, as the API doc decides. */
export function findOwnMeeting(
  state: SimState,
  caller: Caller,
  meetingid: string,
): SimMeeting | Reply {
  const m = state.meetings.get(meetingid);
  if (!m) return invalid(`invalid meetingid: no meeting ${meetingid}`);
  if (m.appKey !== caller.app.key) {
    return invalid(
      `invalid meetingid: meeting ${meetingid} was created by another app; only that app may use it`,
    );
  }
  return m;
}

export function requireBooked(
  state: SimState,
  caller: Caller,
  m: SimMeeting,
  action: string,
): Reply | undefined {
  const status = meetingStatus(m, state.clock.nowSec(), caller.corp.timeZone);
  if (status === STATUS.booked) return undefined;
  return invalid(
    `invalid meetingid: meeting ${m.meetingid} is ${STATUS_LABEL[status]} (status ${status}); only booked meetings (status 1) can be ${action}`,
  );
}

const excess = (caller: Caller, users: string[]) =>
  caller.corp.reportExcessUsers ? { excess_users: users } : {};

export function registerMeetingWriteRoutes(app: Hono<SimEnv>, state: SimState): void {
  defineOperation(app, state, {
    name: "meeting/create",
    method: "POST",
    auth: "meeting",
    handler: ({ body, caller }) => {
      const parsed = createSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const b = parsed.data;
      if (b.agentid !== undefined && b.agentid !== caller.app.agentId) {
        return {
          errcode: 40056,
          errmsg: `invalid agentid: ${b.agentid} is not the calling app's agentid`,
        };
      }
      const sentFailure =
        checkAdvancedFields(caller.app, body) ??
        checkSentBlocks(caller.corp, b) ??
        checkMeetingCalendar(state.calendars, caller, b.cal_id);
      if (sentFailure) return sentFailure;
      const booking: Booking = {
        admin_userid: b.admin_userid,
        meeting_start: b.meeting_start,
        meeting_duration: b.meeting_duration,
        invitees: b.invitees?.userid ?? [],
        settings: normalizeSettings(b.settings),
        reminders: withAdvancedReminders(normalizeReminders(b.reminders), body),
      };
      const ctx = bookingContext(state, caller);
      const result = checkBooking(ctx, booking, true);
      if ("errcode" in result) return result;
      const meeting: SimMeeting = {
        ...state.newMeetingIdentity(),
        appKey: caller.app.key,
        corpId: caller.corp.corpId,
        ...booking,
        title: b.title,
        description: b.description,
        location: b.location,
        cal_id: b.cal_id,
        invitees: unique(booking.invitees),
        settings: withoutCreator(booking.settings, b.admin_userid),
        cancelled: false,
        cancelledOccurrences: [],
        createdAt: ctx.now,
      };
      applyAdvancedFields(meeting, body);
      state.addMeeting(meeting);
      state.changed();
      return {
        errcode: 0,
        errmsg: "ok",
        meetingid: meeting.meetingid,
        // Advanced create page (98148): the answer carries the code and the join link.
        meeting_code: meeting.meeting_code,
        meeting_link: meeting.meeting_link,
        ...excess(caller, result.excessUsers),
      };
    },
  });

  defineOperation(app, state, {
    name: "meeting/update",
    method: "POST",
    auth: "meeting",
    handler: ({ body, caller }) => {
      for (const field of ["admin_userid", "agentid"]) {
        if (field in body)
          return invalid(`invalid ${field}: it cannot be changed by meeting/update`);
      }
      const parsed = updateSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return invalid(describeIssue(parsed.error));
      const b = parsed.data;
      const m = findOwnMeeting(state, caller, b.meetingid);
      if ("errcode" in m) return m;
      const notBooked = requireBooked(state, caller, m, "updated");
      if (notBooked) return notBooked;
      if ((b.meeting_start === undefined) !== (b.meeting_duration === undefined)) {
        return invalid("invalid meeting_start/meeting_duration: send both together or neither");
      }
      const sentFailure =
        checkAdvancedFields(caller.app, body) ??
        checkSentBlocks(caller.corp, b) ??
        checkMeetingCalendar(state.calendars, caller, b.cal_id);
      if (sentFailure) return sentFailure;
      // A settings or reminders block replaces the stored one: MeetBridge always sends whole blocks.
      const booking: Booking = {
        admin_userid: m.admin_userid,
        meeting_start: b.meeting_start ?? m.meeting_start,
        meeting_duration: b.meeting_duration ?? m.meeting_duration,
        invitees: b.invitees ? b.invitees.userid : m.invitees,
        // api doc, meeting/update: remind_scope defaults to 3 (all members) on update.
        settings: b.settings
          ? normalizeSettings({ ...b.settings, remind_scope: b.settings.remind_scope ?? 3 })
          : m.settings,
        reminders: b.reminders
          ? withAdvancedReminders(normalizeReminders(b.reminders), body)
          : m.reminders,
      };
      const result = checkBooking(
        bookingContext(state, caller),
        booking,
        b.meeting_start !== undefined,
      );
      if ("errcode" in result) return result;
      const seriesMoved = b.meeting_start !== undefined || b.reminders !== undefined;
      Object.assign(m, {
        ...booking,
        invitees: unique(booking.invitees),
        settings: withoutCreator(booking.settings, m.admin_userid),
        cancelledOccurrences: seriesMoved ? [] : m.cancelledOccurrences,
      });
      if (b.title !== undefined) m.title = b.title;
      if (b.description !== undefined) m.description = b.description;
      if (b.location !== undefined) m.location = b.location;
      if (b.cal_id !== undefined) m.cal_id = b.cal_id;
      applyAdvancedFields(m, body);
      state.changed();
      return { errcode: 0, errmsg: "ok", ...excess(caller, result.excessUsers) };
    },
  });
}
