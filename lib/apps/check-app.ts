import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import {
  describeWecomError,
  ERRCODE,
  toWecomFailure,
  WecomError,
  type WecomClient,
  type WecomLocale,
} from "@/lib/wecom";
import type { StoredVisibleRange } from "@/lib/apps/visible-range";
import { checkRooms, type RoomCheck } from "@/lib/rooms/check-rooms";
import { forgetCalendar } from "@/lib/meetings/app-calendar";
import { checkFailureField, type CheckField } from "./check-field";
import { probeUsers } from "./probe-users";
import { wecomClientForApp } from "./wecom-client";

export type PermissionState = "granted" | "denied" | "unknown";

export interface AppCheckResult {
  permission: PermissionState;
  visible: { users: number; parties: number; tags: number; closed: boolean } | null;
  /** What went wrong, for the person, when the check could not finish. */
  error: string | null;
  /** The settings form field that is probably wrong (a refused credential), if any. */
  field: CheckField | null;
  /**
   * WeCom's change callbacks: "unset" (no Token/EncodingAESKey: only the periodic sync),
   * "unverified" (keys set, but no callback has ever verified: the URL or the keys in the
   * WeCom console are probably wrong), "verified". A warning, never a booking blocker.
   */
  callback: "unset" | "unverified" | "verified";
  /** May the app book meeting rooms (self-built apps under 会议室 → 可调用接口的应用)? */
  rooms: RoomCheck;
  /**
   * The calendar permission (日程接口权限): a third-party app books on its own calendar
   * (api doc, Calendars), so it needs it; other kinds do not ("not_needed").
   */
  calendar: PermissionState | "not_needed";
}

/**
 * Checks an app the way an admin would in the WeCom console, so they need not:
 * agent/get for its visible range, then a harmless read-only meeting call
 * (get_user_meetingid for someone it can see) — 48002 there means no meeting
 * permission. The result is stored on the app; 48004 marks it unauthorised.
 */
export async function checkApp(
  tenantDb: TenantDb,
  appId: string,
  locale: WecomLocale,
): Promise<AppCheckResult | null> {
  const found = await wecomClientForApp(tenantDb, appId);
  if (!found) return null;
  const { client, app } = found;

  let result: AppCheckResult = {
    permission: "unknown",
    visible: null,
    error: null,
    field: null,
    callback: await callbackState(tenantDb, app.id),
    rooms: {
      access: app.kind === "self_built" ? "unknown" : "self_built_only",
      rooms: 0,
      message: null,
    },
    calendar: app.kind === "third_party" ? "unknown" : "not_needed",
  };
  let failure: string | null = null;
  let visibleRange: StoredVisibleRange | undefined;
  let revoked = false;
  try {
    const agent = await client.getAgent();
    const range = agent.visibleRange;
    result.visible = {
      users: range.users.length,
      parties: range.parties.length,
      tags: range.tags.length,
      closed: range.closed,
    };
    visibleRange = { ...range, ...(await mappedVisibility(tenantDb, client, app.corpRowId)) };

    const now = Math.floor(Date.now() / 1000);
    for (const userId of [
      ...range.users.slice(0, 1),
      ...(await mappedUsersOfCorp(tenantDb, app.corpRowId)),
    ]) {
      try {
        await client.getUserMeetingIds({ userId, beginTime: now, endTime: now + 86_400, limit: 1 });
        result.permission = "granted";
        break;
      } catch (err) {
        // Someone the app cannot see tells nothing about the permission: try the next.
        if (!(err instanceof WecomError && OUTSIDE_RANGE.has(err.errcode))) throw err;
      }
    }
    if (app.kind === "third_party" && result.permission === "granted") {
      await checkCalendar(tenantDb, client, app.id);
      result.calendar = "granted";
    }
  } catch (err) {
    // A third-party app without 日程接口权限 cannot book either: denied, and the stored
    // failure (from oa/calendar/get) says which permission and how to grant it.
    if (err instanceof WecomError && err.errcode === ERRCODE.apiForbidden) {
      result.permission = "denied";
      if (err.operation.startsWith("oa/calendar/")) result.calendar = "denied";
    }
    revoked = err instanceof WecomError && err.errcode === ERRCODE.authorisationRevoked;
    result = {
      ...result,
      error: describeWecomError(err, locale, { appName: app.name, appKind: app.kind }),
      field: checkFailureField(toWecomFailure(err), app.kind),
    };
    // Stored as data, not as text: each reader gets it in their own language.
    failure = JSON.stringify(toWecomFailure(err));
  }

  await tenantDb.app.update({
    where: { id: app.id },
    data: {
      visibleRange,
      meetingPermission: result.permission,
      permissionCheckedAt: new Date(),
      permissionError: failure,
    },
  });
  // Rooms only once the app itself answers: a refused credential says nothing of rooms.
  if (!result.error && app.kind === "self_built")
    result.rooms = await checkRooms(tenantDb, app, locale);
  // The check speaks only of WeCom's authorisation: a revoked one marks an active app
  // unauthorised, and a check that passes lifts only that mark. An app an admin
  // disabled stays disabled whatever WeCom says.
  if (revoked)
    await tenantDb.app.updateMany({
      where: { id: app.id, status: "active" },
      data: { status: "unauthorised" },
    });
  else if (!result.error)
    await tenantDb.app.updateMany({
      where: { id: app.id, status: "unauthorised" },
      data: { status: "active" },
    });
  return result;
}

/**
 * 日程接口权限, read-only: oa/calendar/get of the app's calendar, or of an id no calendar
 * has when it has none yet (made on first booking). 48002 propagates (no permission); a
 * refused id means the permission is there, and a stored calendar refused is gone, so
 * the next booking makes a new one.
 */
async function checkCalendar(tenantDb: TenantDb, client: WecomClient, appId: string) {
  const row = await tenantDb.app.findFirst({ where: { id: appId }, select: { calId: true } });
  const probe = row?.calId ?? "meetbridge-permission-probe";
  try {
    await client.getCalendars([probe]);
  } catch (err) {
    if (!(err instanceof WecomError && INVALID_ID.has(err.errcode))) throw err;
    if (row?.calId) await forgetCalendar(tenantDb, appId, row.calId);
  }
}

const INVALID_ID: ReadonlySet<number> = new Set([
  ERRCODE.invalidParameter,
  ERRCODE.invalidParameter2,
]);

async function callbackState(tenantDb: TenantDb, appId: string) {
  const row = await tenantDb.app.findFirst({
    where: { id: appId },
    select: { callbackTokenEnc: true, callbackVerifiedAt: true },
  });
  if (!row?.callbackTokenEnc) return "unset" as const;
  return row.callbackVerifiedAt ? ("verified" as const) : ("unverified" as const);
}

const OUTSIDE_RANGE: ReadonlySet<number> = new Set([
  ERRCODE.outOfRange,
  ERRCODE.outOfRange2,
  ERRCODE.userNotFound,
  ERRCODE.invalidUserId,
]);

/** Candidates the app may see when its visible range lists only departments. */
async function mappedUsersOfCorp(tenantDb: TenantDb, corpRowId: string): Promise<string[]> {
  const mappings = await tenantDb.mapping.findMany({
    where: { corpRowId },
    orderBy: { createdAt: "asc" },
    take: 5,
  });
  return mappings.map((m) => m.wecomUserId);
}

const MAX_VISIBILITY_PROBES = 2000;

/**
 * Which mapped members the app cannot see (user/get: 60011 outside the range, 60111
 * unknown), so that the booking pickers can show them disabled with why instead of
 * letting WeCom refuse the booking. agent/get lists departments, not their members.
 */
async function mappedVisibility(
  tenantDb: TenantDb,
  client: WecomClient,
  corpRowId: string,
): Promise<Pick<StoredVisibleRange, "outOfRange" | "notFound">> {
  const mappings = await tenantDb.mapping.findMany({
    where: { corpRowId },
    select: { wecomUserId: true },
    orderBy: { wecomUserId: "asc" },
    take: MAX_VISIBILITY_PROBES,
  });
  const results = await probeUsers(
    client,
    mappings.map((m) => m.wecomUserId),
    4,
  );
  const outOfRange: string[] = [];
  const notFound: string[] = [];
  for (const [userId, r] of results) {
    if (r === "out_of_range") outOfRange.push(userId);
    else if (r === "not_found") notFound.push(userId);
  }
  return { outOfRange: outOfRange.sort(), notFound: notFound.sort() };
}

/** The audit event of a check: what it found, never a credential. */
export function checkAudit(appId: string, result: AppCheckResult) {
  return {
    action: "app.check",
    objectType: "app" as const,
    objectId: appId,
    diff: {
      meetingPermission: result.permission,
      ...(result.calendar === "not_needed" ? {} : { calendar: result.calendar }),
      visible: result.visible,
      ...(result.field ? { field: result.field } : {}),
      ...(result.callback === "unverified" ? { callback: "unverified" } : {}),
      rooms: result.rooms.access,
    },
  };
}
