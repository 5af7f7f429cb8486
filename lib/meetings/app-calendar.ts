// The calendar a third-party app books on. WeCom refuses a third-party meeting/create or
// update without a cal_id of the app's own ("第三方应用必须指定cal_id", api doc
// meeting/create and Calendars), so MeetBridge makes one calendar per third-party app on
// first need (oa/calendar/add), keeps its cal_id on the App row, sends it with every
// create and update, and makes a new one when WeCom says it is gone.
//
// Two first bookings at once (on any instance) make one calendar: the first takes the
// lease "app-calendar:<app id>" (lib/db/lease.ts, a row every instance sees), makes the
// calendar and stores it; the others wait for the cal_id. See docs/decisions/017.
import "server-only";
import { withLease } from "@/lib/db/lease";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env.js";
import { ERRCODE, isWecomErrcode, type CalendarInput, type WecomClient } from "@/lib/wecom";

/** What the calendar is called in the members' WeCom calendars. */
export const MEETBRIDGE_CALENDAR: CalendarInput = {
  summary: "会议（MeetBridge）",
  color: "#1F7A5C",
  description: "MeetBridge 通过企业微信预约的会议",
};

const WAIT_STEP_MS = 100;
/** Longer than one oa/calendar/add can take, retries included. */
const leaseMs = () => 4 * env.WECOM_HTTP_TIMEOUT_MS + 5_000;

interface CalendarApp {
  id: string;
  kind: "self_built" | "third_party" | "custom";
}

/** In this process, one calendar fetch per app at a time (the lease covers the others). */
const inFlight = new Map<string, Promise<string>>();

/** The app's calendar: its stored cal_id, or a new calendar made under the lease. */
export function appCalendar(db: TenantDb, appId: string, client: WecomClient): Promise<string> {
  const running = inFlight.get(appId);
  if (running) return running;
  const p = calendarOnce(db, appId, client).finally(() => inFlight.delete(appId));
  inFlight.set(appId, p);
  return p;
}

async function calendarOnce(db: TenantDb, appId: string, client: WecomClient): Promise<string> {
  const deadline = Date.now() + 2 * leaseMs();
  for (;;) {
    const row = await db.app.findFirstOrThrow({ where: { id: appId }, select: { calId: true } });
    if (row.calId) return row.calId;
    const made = await withLease(`app-calendar:${appId}`, leaseMs(), async () => {
      // Read again under the lease: the holder before us may have stored one.
      const held = await db.app.findFirstOrThrow({ where: { id: appId }, select: { calId: true } });
      if (held.calId) return held.calId;
      const { calId } = await client.addCalendar(MEETBRIDGE_CALENDAR);
      await db.app.updateMany({ where: { id: appId, calId: null }, data: { calId } });
      return calId;
    });
    if (made !== "busy") return made;
    if (Date.now() > deadline) throw new Error(`app ${appId}: its calendar is still being made`);
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
  }
}

/**
 * Whether WeCom no longer has calendar `calId` for this app. The doc names no errcode for
 * a missing calendar and a create's 40058 may be about any field, so ask oa/calendar/get:
 * only a refusal of that one cal_id means the calendar is gone.
 */
export async function calendarGone(client: WecomClient, calId: string): Promise<boolean> {
  try {
    await client.getCalendars([calId]);
    return false;
  } catch (err) {
    if (isWecomErrcode(err, ERRCODE.invalidParameter2, ERRCODE.invalidParameter)) return true;
    throw err;
  }
}

/** Forgets a calendar WeCom no longer has (unless another booking already replaced it). */
export async function forgetCalendar(db: TenantDb, appId: string, calId: string): Promise<void> {
  await db.app.updateMany({ where: { id: appId, calId }, data: { calId: null } });
}

/**
 * Runs a meeting/create or update with the app's calendar: nothing for self-built and
 * 代开发 apps (cal_id is optional there); for a third-party app its cal_id, and once more
 * with a new calendar if WeCom refused because the calendar is gone. A refusal books
 * nothing, so the one retry cannot book twice.
 */
export async function withAppCalendar<T>(
  db: TenantDb,
  app: CalendarApp,
  client: WecomClient,
  send: (calId: string | undefined) => Promise<T>,
): Promise<T> {
  if (app.kind !== "third_party") return send(undefined);
  const calId = await appCalendar(db, app.id, client);
  try {
    return await send(calId);
  } catch (err) {
    if (!isWecomErrcode(err, ERRCODE.invalidParameter2, ERRCODE.invalidParameter)) throw err;
    if (!(await calendarGone(client, calId).catch(() => false))) throw err;
    await forgetCalendar(db, app.id, calId);
    return send(await appCalendar(db, app.id, client));
  }
}
