// Adopting a meeting booked elsewhere (the old component's forms, the WeCom client through
// the app, another tool): an admin gives its meetingid and the app that booked it, and
// MeetBridge reads it with get_info, maps its admin and people back to OA accounts, and
// manages it from then on like one of its own (synced, edited, cancelled).
//
// Only the app that booked a meeting can read it: any other app (and a meetingid WeCom
// does not know) gets 40058, told at the meetingid field. The admin must be mapped in the
// app's corp (a meeting has an OA account as admin); other people may stay unmapped.
// Adopting the same meetingid again answers with the meeting MeetBridge already has.
import "server-only";
import { adoptSchema, ADOPT_FIELDS, type AdoptField } from "@/lib/schemas/adopt";
import { msg } from "@/lib/schemas/messages";
import {
  describeWecomError,
  ERRCODE,
  isWecomErrcode,
  WecomError,
  type MeetingInfo,
} from "@/lib/wecom";
import { auditMeeting } from "./audit";
import { BOOKABILITY_SELECT, unavailableReason, type AppBookability } from "./bookable-app";
import { isUniqueViolation } from "./db-errors";
import { meetingDeps, type MeetingDeps } from "./deps";
import type { MeetingActor } from "./types";
import {
  accountsOfUserIds,
  columnsFromInfo,
  participantRowsOf,
  peopleFromInfo,
} from "./wecom-meeting";

export type AdoptResult =
  | {
      ok: true;
      meetingId: string;
      /** MeetBridge already had this meeting (booked here, or adopted before). */
      alreadyKnown: boolean;
    }
  | {
      ok: false;
      /** Encoded messages of the "adopt.errors" catalogue, by form field. */
      fieldErrors: Partial<Record<AdoptField, string>>;
      formError?: string;
    };

export async function adoptMeeting(
  actor: MeetingActor,
  raw: unknown,
  deps: MeetingDeps = meetingDeps,
): Promise<AdoptResult> {
  const parsed = adoptSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<AdoptField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as AdoptField;
      if (ADOPT_FIELDS.includes(field)) fieldErrors[field] ??= issue.message;
    }
    if (Object.keys(fieldErrors).length === 0)
      return { ok: false, fieldErrors, formError: msg("invalid") };
    return { ok: false, fieldErrors };
  }
  const { appId, wecomMeetingId } = parsed.data;
  const app = await loadManagedApp(actor, appId);
  const appError = appProblem(app);
  if (appError || !app) return { ok: false, fieldErrors: { appId: appError } };

  const known = await knownMeeting(actor, app.id, wecomMeetingId);
  if (known) return { ok: true, meetingId: known.id, alreadyKnown: true };

  let info: MeetingInfo;
  try {
    const client = await deps.clientFor(actor.db, app.id);
    info = await client.getMeetingInfo(wecomMeetingId);
  } catch (err) {
    if (isWecomErrcode(err, ERRCODE.invalidParameter2, ERRCODE.invalidParameter))
      return {
        ok: false,
        fieldErrors: {
          wecomMeetingId: msg("unknownMeeting", { id: wecomMeetingId, app: app.name }),
        },
      };
    return { ok: false, ...(await wecomProblem(actor, err, app)) };
  }

  const people = peopleFromInfo(info);
  const everyone = [info.adminUserId, ...people.invitees, ...people.hosts, ...people.ring];
  const accounts = await accountsOfUserIds(actor.db, app.corpRowId, everyone);
  const adminAccountId = accounts.get(info.adminUserId);
  if (!adminAccountId)
    return {
      ok: false,
      fieldErrors: {
        wecomMeetingId: msg("adminNotMapped", { userId: info.adminUserId, app: app.name }),
      },
    };

  const columns = columnsFromInfo(info, actor.tenantId, actor.timeZone);
  const participants = participantRowsOf(people, accounts);
  const now = new Date((deps.nowSec?.() ?? Date.now() / 1000) * 1000);
  let row: { id: string };
  try {
    row = await actor.db.meeting.create({
      data: {
        tenantId: actor.tenantId,
        appId: app.id,
        wecomMeetingId,
        idempotencyKey: `adopt:${wecomMeetingId}`,
        ...columns,
        settings: columns.settings as object,
        calId: info.calId ?? null,
        adminAccountId,
        adminUserId: info.adminUserId,
        syncState: "in_sync",
        lastSyncedAt: now,
        cancelledAt: columns.status === "cancelled" ? now : null,
        createdById: actor.userId,
        participants: { create: participants },
      },
      select: { id: true },
    });
  } catch (err) {
    // A second adopt of the same meetingid at the same moment: the first one's row.
    if (!isUniqueViolation(err)) throw err;
    const raced = await knownMeeting(actor, app.id, wecomMeetingId);
    if (!raced) throw err;
    return { ok: true, meetingId: raced.id, alreadyKnown: true };
  }
  await auditMeeting(actor, row.id, "meeting.adopt", {
    wecomMeetingId,
    title: info.title,
    startAt: columns.startAt.toISOString(),
    status: columns.status,
    adminUserId: info.adminUserId,
    unmapped: participants.filter((p) => !p.oaAccountId).map((p) => p.wecomUserId),
  });
  return { ok: true, meetingId: row.id, alreadyKnown: false };
}

/** The meeting MeetBridge holds for this meetingid of the app, if any. */
async function knownMeeting(actor: MeetingActor, appId: string, wecomMeetingId: string) {
  return actor.db.meeting.findFirst({
    where: {
      OR: [{ appId, wecomMeetingId }, { idempotencyKey: `adopt:${wecomMeetingId}` }],
    },
    select: { id: true },
  });
}

export interface ManagedApp extends AppBookability {
  id: string;
  name: string;
  kind: "self_built" | "third_party" | "custom";
  corpRowId: string;
}

/** One of the actor's tenant's apps (another tenant's id finds nothing). */
export async function loadManagedApp(
  actor: MeetingActor,
  appId: string,
): Promise<ManagedApp | null> {
  return actor.db.app.findFirst({
    where: { id: appId },
    select: {
      id: true,
      name: true,
      kind: true,
      corpRowId: true,
      ...BOOKABILITY_SELECT,
    },
  });
}

/** As for booking: only an active app whose last check granted the meeting permission. */
export function appProblem(app: ManagedApp | null): string | undefined {
  if (!app) return msg("appNotFound");
  const reason = unavailableReason(app);
  if (reason === "disabled" || reason === "unauthorised")
    return msg("appNotActive", { app: app.name });
  if (reason) return msg("appNotGranted", { app: app.name });
  return undefined;
}

/**
 * A WeCom refusal in words: the app's permission or authorisation at the app field (a
 * revoked authorisation also marks the app), a person at the field naming them, anything
 * else for the whole form.
 */
export async function wecomProblem(
  actor: MeetingActor,
  err: unknown,
  app: ManagedApp,
  person?: { field: "accountId"; name: string },
): Promise<{ fieldErrors: Record<string, string>; formError?: string }> {
  const text = (accountName?: string) =>
    msg("wecom", {
      text: describeWecomError(err, actor.locale, {
        appName: app.name,
        appKind: app.kind,
        accountName,
      }),
    });
  if (isWecomErrcode(err, ERRCODE.authorisationRevoked))
    await actor.db.app.updateMany({
      where: { id: app.id, status: "active" },
      data: { status: "unauthorised" },
    });
  if (isWecomErrcode(err, ERRCODE.apiForbidden, ERRCODE.authorisationRevoked))
    return { fieldErrors: { appId: text() } };
  const personCodes = [
    ERRCODE.outOfRange,
    ERRCODE.outOfRange2,
    ERRCODE.userNotFound,
    ERRCODE.invalidUserId,
  ];
  if (person && err instanceof WecomError && personCodes.includes(err.errcode as never))
    return { fieldErrors: { [person.field]: text(person.name) } };
  return { fieldErrors: {}, formError: text() };
}
