// Editing a booked meeting: the one path every door takes (the edit form's action, the
// HTTP API). The form is the booking form (one schema, the same messages); the app and
// the admin are fixed. Only what changed goes to WeCom (meeting-diff.ts).
//
// Never a silent overwrite: the row's version is claimed before WeCom is called, so of
// two people saving the same version one wins and the other is told to reload. Never
// half-saved: a refusal puts the row back; a lost answer marks it needs_reconciliation
// (the next get_info sync settles it) and says so.
//
// The meeting password, which the edit form cannot show: an empty password field keeps
// the stored one; 4–6 digits set a new one; `clearPassword: true` beside the form's
// values (outside the shared schema, which cannot tell "untouched" from "emptied")
// removes it. Whenever the settings block is sent, the kept password goes with it,
// since WeCom replaces the whole block. The reasons: docs/decisions/006-edit-and-cancel.md.
import "server-only";
import { bookingSchema, type BookingValues } from "@/lib/schemas/booking";
import { msg } from "@/lib/schemas/messages";
import {
  describeWecomError,
  ERRCODE,
  toWecomFailure,
  WecomConfigError,
  WecomError,
  WecomTransportError,
  type UpdateMeetingResult,
  type WecomClient,
} from "@/lib/wecom";
import { withAppCalendar } from "./app-calendar";
import { auditMeeting } from "./audit";
import { meetingDeps, type MeetingDeps } from "./deps";
import { fieldErrorsOf } from "./field-errors";
import { planUpdate } from "./meeting-diff";
import { refreshMeeting } from "./refresh-meeting";
import { resolvePeople } from "./resolve-people";
import { statusOf, type MeetingStatusName } from "./status";
import { createInputOf, meetingColumns, participantRows, type People } from "./stored-booking";
import type { BookingProblem, MeetingActor } from "./types";
import { wecomProblemOf, wecomRefusal } from "./wecom-refusal";
import { isNotBookedRefusal, loadManagedMeeting, type ManagedMeeting } from "./managed-meeting";

export type UpdateResult =
  | {
      ok: true;
      meetingId: string;
      /** The meeting's version now: the next edit sends it as expectedVersion. */
      version: number;
      /** Form fields that changed (empty: nothing to do, WeCom was not called). */
      changed: string[];
    }
  | ({
      ok: false;
      /** Someone saved first: reload (currentVersion is theirs) and edit again. */
      conflict?: boolean;
      currentVersion?: number;
      /** The meeting is not booked any more (or not yet confirmed by WeCom): no edit. */
      notEditable?: MeetingStatusName;
    } & BookingProblem);

/**
 * Edits meeting `meetingId` of the actor's tenant to the booking form's values `raw`
 * (plus an optional `clearPassword: true`), if its version is still `expectedVersion`.
 */
export async function updateMeeting(
  actor: MeetingActor,
  meetingId: string,
  raw: unknown,
  expectedVersion: number,
  deps: MeetingDeps = meetingDeps,
): Promise<UpdateResult> {
  const m = await loadManagedMeeting(actor, meetingId);
  if (!m) return { ok: false, fieldErrors: {}, formError: msg("meetingNotFound") };
  const refusal = notEditable(m.status, m.wecomMeetingId);
  if (refusal) return refusal;
  // Another save of this meeting is in flight (pending): it decides what the form shows next.
  if (m.version !== expectedVersion || m.syncState === "pending") return conflict(m.version);

  const parsed = bookingSchema({
    timeZone: actor.timeZone,
    maxInvitees: m.app.maxInvitees,
    appKind: m.app.kind,
    nowSec: deps.nowSec,
  }).safeParse(raw);
  const fixed: BookingProblem["fieldErrors"] = {};
  const rawIds = raw as { appId?: unknown; adminId?: unknown } | null;
  if (rawIds?.appId !== m.appId) fixed.appId = msg("appFixed");
  if (rawIds?.adminId !== m.adminAccountId) fixed.adminId = msg("adminFixed");
  if (!parsed.success || Object.keys(fixed).length > 0) {
    const problem = parsed.success ? { fieldErrors: {} } : fieldErrorsOf(parsed.error);
    return { ok: false, ...problem, fieldErrors: { ...problem.fieldErrors, ...fixed } };
  }

  const admin = { accountId: m.adminAccountId, userId: m.adminUserId, name: m.admin.name };
  const resolved = await resolvePeople(actor.db, m.app, parsed.data, { admin });
  if ("fieldErrors" in resolved) return { ok: false, fieldErrors: resolved.fieldErrors };
  const people = resolved.people;

  const before = createInputOf(m);
  const values: BookingValues = {
    ...parsed.data,
    password: newPassword(parsed.data.password, before.settings?.password, raw),
  };
  const columns = meetingColumns(values, people, actor.tenantId, actor.timeZone);
  const participants = [...participantRows(people), ...unmappedKept(m, people, values)];
  const after = createInputOf({ ...columns, tenantId: actor.tenantId, participants });
  // A row whose last write to WeCom is unconfirmed may not be what WeCom holds: send it all.
  const plan = planUpdate(
    m.wecomMeetingId!,
    before,
    after,
    actor.timeZone,
    m.syncState !== "in_sync",
  );
  if (!plan.update) return { ok: true, meetingId: m.id, version: m.version, changed: [] };

  // WeCom's status is the truth (the meeting may have started or ended since the last
  // sync): ask it, so the person hears why rather than WeCom's bare refusal. Only a
  // meeting that is not booked any more is synced here; anything else a sync would
  // record (the meeting code, say) must not turn this save into a conflict.
  const client = await deps.clientFor(actor.db, m.appId);
  const status = await wecomStatus(client, m);
  if (status && status !== "booked") {
    await refreshMeeting(actor, m.id, deps);
    return notEditable(status, m.wecomMeetingId)!;
  }

  const claimed = await actor.db.meeting.updateMany({
    where: { id: m.id, version: expectedVersion, status: "booked", syncState: { not: "pending" } },
    data: { version: { increment: 1 }, syncState: "pending" },
  });
  if (claimed.count === 0) {
    const current = await actor.db.meeting.findFirst({
      where: { id: m.id },
      select: { version: true, status: true, wecomMeetingId: true },
    });
    if (!current) return { ok: false, fieldErrors: {}, formError: msg("meetingNotFound") };
    return notEditable(current.status, current.wecomMeetingId) ?? conflict(current.version);
  }

  let result: UpdateMeetingResult;
  try {
    // A third-party app names its calendar in every update too (app-calendar.ts).
    const update = plan.update;
    result = await withAppCalendar(actor.db, m.app, client, (calId) =>
      client.updateMeeting({ ...update, calId }, { meetingId: m.id }),
    );
  } catch (err) {
    return failed(actor, m, people, plan.diff, err, client, deps);
  }

  await actor.db.meeting.update({
    where: { id: m.id },
    data: {
      ...columns,
      participants: { deleteMany: {}, create: participants },
      ...(plan.update.inviteeUserIds ? { excessUsers: result.excessUsers } : {}),
      syncState: "in_sync",
      syncError: null,
      lastSyncedAt: new Date(),
    },
  });
  await auditMeeting(actor, m.id, "meeting.update", plan.diff);
  return { ok: true, meetingId: m.id, version: expectedVersion + 1, changed: plan.changed };
}

/** The meeting's status as WeCom has it now; undefined when WeCom cannot say. */
async function wecomStatus(
  client: WecomClient,
  m: ManagedMeeting,
): Promise<MeetingStatusName | undefined> {
  try {
    const info = await client.getMeetingInfo(m.wecomMeetingId!, { meetingId: m.id });
    return statusOf(info.status);
  } catch {
    return undefined; // the update itself will be refused if it must
  }
}

/** WeCom did not take the update: the row goes back, or stays marked when nobody knows. */
async function failed(
  actor: MeetingActor,
  m: ManagedMeeting,
  people: People,
  diff: Record<string, unknown>,
  err: unknown,
  client: WecomClient,
  deps: MeetingDeps,
): Promise<UpdateResult> {
  const definite =
    err instanceof WecomError ||
    err instanceof WecomConfigError ||
    (err instanceof WecomTransportError && err.httpStatus !== null && err.httpStatus < 500);
  if (err instanceof WecomTransportError && !definite) {
    // Sent, answer lost even after the retries: WeCom may hold either version.
    await actor.db.meeting.update({
      where: { id: m.id },
      data: { syncState: "needs_reconciliation", syncError: JSON.stringify(toWecomFailure(err)) },
    });
    await auditMeeting(actor, m.id, "meeting.update.uncertain", diff);
    return {
      ok: false,
      fieldErrors: {},
      formError: msg("updateUncertain"),
      wecom: { unreachable: true },
    };
  }
  // Refused, or never sent: WeCom still has the meeting as the row had it.
  await actor.db.meeting.update({
    where: { id: m.id },
    data: { version: m.version, syncState: m.syncState },
  });
  if (!definite) throw err;
  if (err instanceof WecomError && err.errcode === ERRCODE.authorisationRevoked)
    await actor.db.app.updateMany({
      where: { id: m.appId, status: "active" },
      data: { status: "unauthorised" },
    });
  if (isNotBookedRefusal(err)) {
    // Started or ended since the check above? Synced only then (see the check above).
    const status = await wecomStatus(client, m);
    if (status && status !== "booked") {
      await refreshMeeting(actor, m.id, deps);
      return notEditable(status, m.wecomMeetingId)!;
    }
  }
  if (err instanceof WecomTransportError)
    return {
      ok: false,
      fieldErrors: {},
      formError: msg("wecom", { text: describeWecomError(err, actor.locale) }),
      wecom: wecomProblemOf(err),
    };
  return { ok: false, ...wecomRefusal(err, m.app, people, actor.locale) };
}

function notEditable(
  status: MeetingStatusName,
  wecomMeetingId: string | null,
): Extract<UpdateResult, { ok: false }> | undefined {
  if (status !== "booked")
    return {
      ok: false,
      notEditable: status,
      fieldErrors: {},
      formError: msg("notEditable", { status }),
    };
  // Booked, but the create's answer was lost and not yet reconciled: nothing to update yet.
  if (!wecomMeetingId)
    return { ok: false, notEditable: status, fieldErrors: {}, formError: msg("notConfirmed") };
  return undefined;
}

function conflict(currentVersion: number): UpdateResult {
  return {
    ok: false,
    conflict: true,
    currentVersion,
    fieldErrors: {},
    formError: msg("editConflict"),
  };
}

/** The password rule (see the top of this file). */
function newPassword(typed: string, stored: string | undefined, raw: unknown): string {
  if (typed !== "") return typed;
  return (raw as { clearPassword?: unknown } | null)?.clearPassword === true ? "" : (stored ?? "");
}

/**
 * Participants without an OA account (adopted from WeCom, or whose account was deleted)
 * cannot appear in the form; an edit keeps them rather than silently dropping them.
 */
function unmappedKept(m: ManagedMeeting, people: People, v: BookingValues) {
  const roles = { invitee: people.invitees, host: people.hosts, ring: people.ring };
  return m.participants
    .filter((p) => p.oaAccountId === null)
    .filter((p) => p.role !== "ring" || v.remindScope === 4)
    .filter((p) => !roles[p.role].some((x) => x.userId === p.wecomUserId))
    .map((p) => ({ role: p.role, oaAccountId: null, wecomUserId: p.wecomUserId }));
}
