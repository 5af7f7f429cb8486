// Which callback an event goes to, and when the simulator sends one on its own:
// - a member changes or cancels a meeting in the WeCom client (member page, or
//   POST /__sim/meetings/:meetingid): modify_meeting / cancel_meeting, to the app that
//   created the meeting, for every corp;
// - the clock starts or ends a meeting: meeting_start / meeting_end, only for corps with
//   the paid meeting features (SimCorp.meetingAdvanced);
// - a suite's instruction callback: a NEW suite_ticket every interval, and at once when
//   the callback is set.
// Changes the app makes itself through the API (meeting/update, meeting/cancel) call
// nobody back: the app knows, and an echo could loop (an app that updates on callback).
import type { MeetingChangeType } from "./callback-messages.js";
import { meetingChangeXml, suiteInfoXml } from "./callback-messages.js";
import type { CallbackTarget, Delivery } from "./callback-sender.js";
import type { SimMeeting, SimState } from "./state.js";

/**
 * The data callback of a seeded app, if one is set and the app is not revoked (WeCom
 * calls no app the corp has stopped; the send control may, with includeRevoked).
 */
export function appTarget(
  state: SimState,
  appKey: string,
  opts: { includeRevoked?: boolean } = {},
): CallbackTarget | undefined {
  const app = state.app(appKey);
  if (!app || (state.revoked.has(app.key) && !opts.includeRevoked)) return undefined;
  const config = state.callbacks.app(app.corpId, app.agentId);
  if (!config) return undefined;
  return {
    kind: "app",
    url: config.url,
    keys: { token: config.token, encodingAesKey: config.encodingAesKey },
    receiverId: app.corpId,
    agentId: app.agentId,
    appKey: app.key,
  };
}

/** The instruction callback of a suite, if one is set. */
export function suiteTarget(state: SimState, suiteId: string): CallbackTarget | undefined {
  const config = state.callbacks.suites.get(suiteId);
  if (!config) return undefined;
  return {
    kind: "suite",
    url: config.url,
    keys: { token: config.token, encodingAesKey: config.encodingAesKey },
    receiverId: suiteId,
    suiteId,
  };
}

export function notifyMeetingChange(
  state: SimState,
  m: SimMeeting,
  changeType: MeetingChangeType,
  from: string,
  createTime = state.clock.nowSec(),
): Delivery | undefined {
  const target = appTarget(state, m.appKey);
  if (!target) return undefined;
  if (changeType === "meeting_start" || changeType === "meeting_end") {
    if (!state.corps.get(m.corpId)?.meetingAdvanced) return undefined;
  }
  const message = meetingChangeXml({
    corpId: m.corpId,
    from,
    createTime,
    changeType,
    meetingId: m.meetingid,
  });
  return state.sender.send(target, message);
}

/** Issues a new ticket for the suite and pushes it; undefined when it has no callback. */
export function pushSuiteTicket(state: SimState, suiteId: string): Delivery | undefined {
  const target = suiteTarget(state, suiteId);
  if (!target) return undefined;
  const now = state.clock.nowSec();
  const issued = state.callbacks.issueTicket(suiteId, now);
  state.ticker.ticketPushed(suiteId, now);
  state.changed();
  return state.sender.send(
    target,
    suiteInfoXml({ suiteId, infoType: "suite_ticket", timeStamp: now, suiteTicket: issued.ticket }),
  );
}
