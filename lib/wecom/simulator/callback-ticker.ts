// The simulator's heartbeat for callbacks. Meeting status is computed from the clock
// when asked (meeting-view.ts), so nothing "happens" when a meeting starts: each tick
// looks at the simulator-clock interval since the last one and sends meeting_start /
// meeting_end for every start or end inside it, and pushes suite tickets that are due.
// Ticks run every tickMs of real time and at once after a clock control, so a clock jump
// is noticed straight away; a jump back sends nothing.
import { notifyMeetingChange, pushSuiteTicket } from "./callback-events.js";
import { isRecurring, occurrences, type Occurrence } from "./meeting-view.js";
import type { SimMeeting, SimState } from "./state.js";

type Transition = { at: number; type: "meeting_start" | "meeting_end" };

/**
 * The starts and ends of a meeting within (from, to]. A long jump over a series gives
 * only the last start and the last end, in their order: the receiver learns where the
 * meeting is now, not every occurrence it skipped.
 */
export function transitions(
  m: SimMeeting,
  from: number,
  to: number,
  timeZone: string,
  list: Occurrence[] = occurrences(m, timeZone),
) {
  if (m.cancelled) return [];
  const crossed: Transition[] = [];
  for (const o of list) {
    if (o.start > to) break;
    if (o.cancelled) continue;
    if (from < o.start && o.start <= to) crossed.push({ at: o.start, type: "meeting_start" });
    if (from < o.end && o.end <= to) crossed.push({ at: o.end, type: "meeting_end" });
  }
  const last = (type: Transition["type"]) => crossed.filter((t) => t.type === type).at(-1);
  return [last("meeting_start"), last("meeting_end")]
    .filter((t): t is Transition => t !== undefined)
    .sort((a, b) => a.at - b.at);
}

export class CallbackTicker {
  private lastSec: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Simulator clock of each suite's last push (not durable: a restart pushes at once). */
  private lastPush = new Map<string, number>();
  private seriesCache = new WeakMap<SimMeeting, { key: string; list: Occurrence[] }>();

  constructor(private readonly state: SimState) {
    this.lastSec = state.clock.nowSec();
  }

  start(tickMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  reset(): void {
    this.lastSec = this.state.clock.nowSec();
    this.lastPush.clear();
  }

  ticketPushed(suiteId: string, now: number): void {
    this.lastPush.set(suiteId, now);
  }

  /** Never throws: a failure here must not stop the next tick. */
  tick(): void {
    try {
      const now = this.state.clock.nowSec();
      const from = this.lastSec;
      this.lastSec = now;
      if (now > from) this.meetings(from, now);
      this.suiteTickets(now);
    } catch (err) {
      console.error(
        `WeCom simulator: callback tick failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  private meetings(from: number, now: number): void {
    if (this.state.callbacks.apps.size === 0) return;
    for (const m of this.state.meetings.values()) {
      // Cheap first: most meetings have not started yet, or ended long ago.
      if (m.cancelled || m.meeting_start > now) continue;
      if (!isRecurring(m) && m.meeting_start + m.meeting_duration <= from) continue;
      const corp = this.state.corps.get(m.corpId);
      if (!corp?.meetingAdvanced) continue;
      const list = this.occurrencesOf(m, corp.timeZone);
      for (const t of transitions(m, from, now, corp.timeZone, list)) {
        notifyMeetingChange(this.state, m, t.type, "sys", t.at);
      }
    }
  }

  /** A series' occurrences are costly to work out (time zones): once per version of it. */
  private occurrencesOf(m: SimMeeting, timeZone: string): Occurrence[] {
    if (!isRecurring(m)) return occurrences(m, timeZone);
    const key = JSON.stringify([
      m.meeting_start,
      m.meeting_duration,
      m.reminders,
      m.cancelledOccurrences,
      timeZone,
    ]);
    const cached = this.seriesCache.get(m);
    if (cached?.key === key) return cached.list;
    const list = occurrences(m, timeZone);
    this.seriesCache.set(m, { key, list });
    return list;
  }

  private suiteTickets(now: number): void {
    const interval = this.state.callbacks.policy.suiteTicketIntervalSec;
    for (const suiteId of this.state.callbacks.suites.keys()) {
      const last = this.lastPush.get(suiteId);
      // A clock moved back behind the last push: count the interval from here.
      if (last !== undefined && now < last) this.lastPush.set(suiteId, now);
      else if (last === undefined || now - last >= interval) pushSuiteTicket(this.state, suiteId);
    }
  }
}
