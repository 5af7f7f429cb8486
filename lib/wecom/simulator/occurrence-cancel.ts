// meeting/cancel with sub_meetingid (wecom-meeting-api.md, meeting/cancel, advanced page
// 98153): one occurrence of a series. "Only booked meetings (or occurrences) can be
// cancelled, and only by the app that created them" (the caller's app is checked by
// findOwnMeeting first). The series itself need not be booked: while one occurrence runs
// (series in progress) a later one can still be cancelled, as in the WeCom client.
import type { Reply } from "./auth.js";
import { isRecurring, occurrences } from "./meeting-view.js";
import { subMeetingStatus } from "./occurrences.js";
import type { SimMeeting, SimState } from "./state.js";
import { invalid } from "./validate-meeting.js";

const LABEL = { 1: "booked", 2: "in progress", 3: "ended", 4: "cancelled" } as const;

/** Checks and cancels one occurrence; the refusal, or undefined once it is cancelled. */
export function cancelOccurrence(
  state: SimState,
  m: SimMeeting,
  sub: string,
  timeZone: string,
): Reply | undefined {
  if (!isRecurring(m))
    return invalid(`invalid sub_meetingid: meeting ${m.meetingid} is not recurring`);
  if (m.cancelled)
    return invalid(
      `invalid meetingid: meeting ${m.meetingid} is cancelled (status 4); only booked occurrences (status 1) can be cancelled`,
    );
  const occurrence = occurrences(m, timeZone).find((o) => o.sub_meetingid === sub);
  if (!occurrence)
    return invalid(`invalid sub_meetingid: ${sub} is not an occurrence of meeting ${m.meetingid}`);
  const status = subMeetingStatus(occurrence, state.clock.nowSec());
  if (status !== 1)
    return invalid(
      `invalid sub_meetingid: occurrence ${sub} is ${LABEL[status]} (status ${status}); only booked occurrences (status 1) can be cancelled`,
    );
  m.cancelledOccurrences.push(sub);
  state.changed();
  return undefined;
}
