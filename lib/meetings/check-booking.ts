// The checks a booking passes before anything is sent to WeCom: the form's schema with
// the app's context, the app able to book, and every person active, mapped and visible to
// the app. bookMeeting runs them first; a batch's preview runs them on every row without
// booking (lib/batches), so a row and the form can never be judged by two sets of rules.
import "server-only";
import { bookingFieldsSchema, bookingSchema, type BookingValues } from "@/lib/schemas/booking";
import { msg } from "@/lib/schemas/messages";
import { APP_CREDENTIALS_QUERY, AppCredentialsRow } from "@/lib/apps/wecom-client";
import { unavailableReason, type AppBookability } from "./bookable-app";
import type { MeetingDeps } from "./deps";
import { fieldErrorsOf } from "./field-errors";
import { loadPeople, resolvePeople, type BookingApp, type PeopleById } from "./resolve-people";
import type { People } from "./stored-booking";
import type { BookingField, MeetingActor } from "./types";

export type LoadedApp = BookingApp &
  AppBookability & {
    kind: "self_built" | "third_party" | "custom";
    maxInvitees: number;
    /** The same read, kept for the booking's WeCom client (no second read of the app). */
    credentials: AppCredentialsRow;
  };

export type CheckedBooking =
  | { ok: true; app: LoadedApp; values: BookingValues; people: People }
  | { ok: false; fieldErrors: Partial<Record<BookingField, string>>; formError?: string };

/** What a caller checking many bookings loads once (a batch: a few apps, many rows). */
export interface CheckCache {
  apps: Map<string, Promise<LoadedApp | null>>;
  /** Every account id the bookings name: loaded once per corp, for all of them. */
  accountIds: string[];
  people: Map<string, Promise<PeopleById>>;
}

export function checkCache(accountIds: string[]): CheckCache {
  return { apps: new Map(), accountIds: [...new Set(accountIds)], people: new Map() };
}

export async function checkBooking(
  actor: MeetingActor,
  raw: unknown,
  deps: Pick<MeetingDeps, "nowSec">,
  cache?: CheckCache,
): Promise<CheckedBooking> {
  const apps = cache?.apps;
  const appId = bookingFieldsSchema.shape.appId.safeParse((raw as { appId?: unknown })?.appId);
  let app: LoadedApp | null = null;
  if (appId.success) {
    let loading = apps?.get(appId.data);
    if (!loading) {
      loading = loadBookingApp(actor, appId.data);
      apps?.set(appId.data, loading);
    }
    app = await loading;
  }
  const parsed = bookingSchema({
    timeZone: actor.timeZone,
    maxInvitees: app?.maxInvitees,
    appKind: app?.kind,
    nowSec: deps.nowSec,
  }).safeParse(raw);
  const appError = appId.success ? appProblem(app) : undefined;
  if (!parsed.success || appError) {
    const problem = parsed.success ? { fieldErrors: {} } : fieldErrorsOf(parsed.error);
    if (appError) problem.fieldErrors.appId ??= appError;
    return { ok: false, ...problem };
  }
  let accounts: PeopleById | undefined;
  if (cache) {
    let loading = cache.people.get(app!.corpRowId);
    if (!loading) {
      loading = loadPeople(actor.db, app!.corpRowId, cache.accountIds);
      cache.people.set(app!.corpRowId, loading);
    }
    accounts = await loading;
  }
  const resolved = await resolvePeople(actor.db, app!, parsed.data, { accounts });
  if ("fieldErrors" in resolved) return { ok: false, fieldErrors: resolved.fieldErrors };
  return { ok: true, app: app!, values: parsed.data, people: resolved.people };
}

/**
 * The app as the checks judge it and as its WeCom client needs it, in one read: what is
 * checked is what the booking then sends with.
 */
async function loadBookingApp(actor: MeetingActor, appId: string): Promise<LoadedApp | null> {
  const row = await actor.db.app.findFirst({ where: { id: appId }, ...APP_CREDENTIALS_QUERY });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    corpRowId: row.corpRowId,
    status: row.status,
    meetingPermission: row.meetingPermission,
    corp: { disabled: row.corp.disabled },
    maxInvitees: row.maxInvitees,
    visibleRange: row.visibleRange,
    permissionCheckedAt: row.permissionCheckedAt,
    credentials: AppCredentialsRow.of(row),
  };
}

/** Only apps whose last check granted the meeting permission, and that are active, book. */
function appProblem(app: LoadedApp | null): string | undefined {
  if (!app) return msg("appNotFound");
  const reason = unavailableReason(app);
  if (reason === "disabled" || reason === "unauthorised")
    return msg("appNotActive", { app: app.name });
  if (reason) return msg("appNotGranted", { app: app.name });
  return undefined;
}
