// Booking a meeting: the one path every door takes (the form's action, the HTTP API, the
// demo seed). Never booked twice, never lost:
// - the Meeting row is written first, under the submission's idempotency key (unique
//   per tenant), so a double click, a second tab or a retry finds it instead of booking;
// - meeting/create is sent once; a lost answer (WecomUncertainError) marks the row
//   needs_reconciliation and reconcile-meeting.ts finds out what WeCom did;
// - a process that dies between WeCom's answer and the final write leaves the row
//   pending, and the reconcile sweep (reconcile-due.ts) picks it up.
import "server-only";
import type { BookingValues } from "@/lib/schemas/booking";
import { msg } from "@/lib/schemas/messages";
import {
  ERRCODE,
  toWecomFailure,
  WecomError,
  WecomUncertainError,
  type CreateMeetingResult,
} from "@/lib/wecom";
import { withAppCalendar } from "./app-calendar";
import { auditMeeting } from "./audit";
import { checkBooking, type LoadedApp } from "./check-booking";
import { isUniqueViolation } from "./db-errors";
import { reconcileMeeting } from "./reconcile-meeting";
import { requestHash } from "./request-hash";
import {
  createdColumns,
  createInputOf,
  meetingColumns,
  participantRows,
  type People,
} from "./stored-booking";
import type { BookingField, BookResult, MeetingActor } from "./types";
import { wecomRefusal } from "./wecom-refusal";
import { meetingDeps, type MeetingDeps } from "./deps";
import { countBooking } from "./booking-outcome";

/** How long a second submission of the same key waits for the first one's outcome. */
const WAIT_FOR_FIRST_MS = 30_000;

export async function bookMeeting(
  actor: MeetingActor,
  raw: unknown,
  deps: MeetingDeps = meetingDeps,
): Promise<BookResult> {
  // Every door (form, API, batches, seed) books here, so the outcome is counted here.
  return countBooking(validateAndBook(actor, raw, deps));
}

async function validateAndBook(
  actor: MeetingActor,
  raw: unknown,
  deps: MeetingDeps,
): Promise<BookResult> {
  const checked = await checkBooking(actor, raw, deps);
  if (!checked.ok) return checked;
  return bookResolved(actor, checked.app, checked.values, checked.people, deps, 0);
}

async function bookResolved(
  actor: MeetingActor,
  app: LoadedApp,
  v: BookingValues,
  people: People,
  deps: MeetingDeps,
  attempt: number,
): Promise<BookResult> {
  const hash = requestHash(v);
  const columns = meetingColumns(v, people, actor.tenantId, actor.timeZone);
  const participants = participantRows(people);
  let row: { id: string };
  try {
    row = await actor.db.meeting.create({
      data: {
        tenantId: actor.tenantId,
        appId: app.id,
        idempotencyKey: v.idempotencyKey,
        requestHash: hash,
        ...columns,
        status: "booked",
        syncState: "pending",
        createdById: actor.userId,
        createdByTokenId: actor.tokenId ?? null,
        participants: { create: participants },
      },
      select: { id: true },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return sameSubmission(actor, app, v, people, hash, deps, attempt);
  }

  const client = await deps.clientFor(actor.db, app.id, app.credentials);
  const input = createInputOf({ ...columns, tenantId: actor.tenantId, participants });
  let created: CreateMeetingResult;
  try {
    // A third-party app books on its own calendar (app-calendar.ts).
    created = await withAppCalendar(actor.db, app, client, (calId) =>
      client.createMeeting({ ...input, calId }, { meetingId: row.id }),
    );
  } catch (err) {
    if (err instanceof WecomUncertainError) {
      await actor.db.meeting.update({
        where: { id: row.id },
        data: { syncState: "needs_reconciliation", syncError: JSON.stringify(toWecomFailure(err)) },
      });
      await auditMeeting(actor, row.id, "meeting.book.uncertain", { title: v.title });
      // WeCom may already hold it: look now (adopt only; a second create waits for the sweep).
      const outcome = await reconcileMeeting(actor, row.id, { rebook: false }, deps).catch(
        () => "unchanged" as const,
      );
      return {
        ok: true,
        meetingId: row.id,
        replayed: false,
        needsReconciliation: outcome !== "adopted",
      };
    }
    // Refused, or never sent: nothing was booked, so the row goes and the form keeps the input.
    await actor.db.meeting.delete({ where: { id: row.id } });
    if (err instanceof WecomError && err.errcode === ERRCODE.authorisationRevoked)
      await actor.db.app.updateMany({
        where: { id: app.id, status: "active" },
        data: { status: "unauthorised" },
      });
    return { ok: false, ...wecomRefusal(err, app, people, actor.locale) };
  }

  // WeCom holds the meeting now. Recording it is outside the catch above on purpose: a
  // failure here must not delete the row (WeCom's meeting would be orphaned and a resubmit
  // would book it twice); the row stays pending and the reconcile sweep adopts it.
  await deps.afterCreate?.(row.id);
  await actor.db.meeting.update({ where: { id: row.id }, data: createdColumns(created) });
  await auditMeeting(actor, row.id, "meeting.book", {
    wecomMeetingId: created.meetingId,
    title: v.title,
    start: v.start,
  });
  return { ok: true, meetingId: row.id, replayed: false, needsReconciliation: false };
}

/** A submission whose key is taken: the first one's outcome, never a second booking. */
async function sameSubmission(
  actor: MeetingActor,
  app: LoadedApp,
  v: BookingValues,
  people: People,
  hash: string,
  deps: MeetingDeps,
  attempt: number,
): Promise<BookResult> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const first = await actor.db.meeting.findFirst({
      where: { idempotencyKey: v.idempotencyKey },
      select: {
        id: true,
        requestHash: true,
        syncState: true,
        createdById: true,
        createdByTokenId: true,
      },
    });
    // The first submission was refused and removed: this one may try in its own right.
    if (!first) {
      if (attempt > 2) throw new Error("idempotency key keeps vanishing");
      return bookResolved(actor, app, v, people, deps, attempt + 1);
    }
    // Another submitter's key (another API key, or a booker who chose the same value) is
    // never answered with their booking.
    const sameSubmitter =
      first.createdByTokenId === (actor.tokenId ?? null) && first.createdById === actor.userId;
    if (first.requestHash !== hash || !sameSubmitter) {
      const fieldErrors: Partial<Record<BookingField, string>> = {};
      return {
        ok: false,
        ...(sameSubmitter ? { meetingId: first.id } : {}),
        fieldErrors,
        formError: msg("idempotencyConflict"),
      };
    }
    if (first.syncState !== "pending" || Date.now() > deadline) {
      return {
        ok: true,
        meetingId: first.id,
        replayed: true,
        needsReconciliation: first.syncState !== "in_sync",
      };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
