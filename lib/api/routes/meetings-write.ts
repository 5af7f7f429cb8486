// POST /meetings (book), PATCH /meetings/{id} (update), DELETE /meetings/{id} and
// POST /meetings/{id}/cancel (cancel): the same lib/meetings calls as the booking form and
// the meeting page, with the key as the actor. Booker keys manage what they booked.
import { createHmac, randomUUID } from "node:crypto";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { env } from "@/lib/env.js";
import {
  bookMeetingWithRoom,
  cancelMeeting,
  meetingForEdit,
  roomAfterUpdate,
  updateMeeting,
} from "@/lib/meetings";
import { defaultBookingValues } from "@/lib/schemas/booking-values";
import type { ApiContext, ApiEnv } from "../context";
import { idempotencyKeyOf, idempotent, type ApiAnswer } from "../idempotency";
import { etagOf, findManagedMeeting, ifMatchVersion } from "../meeting-ref";
import { meetingViewWithCode } from "../meeting-view";
import { bookingProblem, cancelProblem, staleVersion, updateProblem } from "../outcomes";
import { resolveJobNumbers } from "../people";
import { apiActor, requirePermission } from "../principal";
import { ApiProblem } from "../problem";
import {
  BookMeetingBody,
  CancelMeetingBody,
  Meeting,
  MeetingIdParam,
  UpdateMeetingBody,
  problems,
} from "../schemas";

const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({
      description:
        "A retry with the same key (within 24 hours) gets the first answer again and never " +
        "books or cancels twice; the same key with another body is refused (422).",
      example: "oa-flow-20261201-0042",
    }),
});
const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .openapi({ description: 'The ETag the meeting was read with, e.g. "3": stale → 412' }),
});
const etagHeader = {
  ETag: { schema: { type: "string" as const }, description: 'The version now, e.g. "4"' },
};
const meetingAnswer = (description: string) => ({
  description,
  headers: etagHeader,
  content: { "application/json": { schema: Meeting } },
});

const bookRoute = createRoute({
  method: "post",
  path: "/meetings",
  tags: ["Meetings"],
  summary: "Book a meeting",
  request: {
    headers: idempotencyHeader,
    body: { required: true, content: { "application/json": { schema: BookMeetingBody } } },
  },
  responses: {
    201: meetingAnswer("Booked: the meeting with its WeCom meetingid, code and link"),
    ...problems(400, 401, 403, 409, 413, 415, 422, 429, 502),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/meetings/{id}",
  tags: ["Meetings"],
  summary: "Update a meeting",
  request: {
    params: MeetingIdParam,
    headers: ifMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateMeetingBody } } },
  },
  responses: {
    200: meetingAnswer("Updated (or nothing changed)"),
    ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 502),
  },
});

const cancelResponses = {
  200: meetingAnswer("Cancelled"),
  ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 502),
};

const cancelRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/cancel",
  tags: ["Meetings"],
  summary: "Cancel a meeting, with a reason",
  request: {
    params: MeetingIdParam,
    headers: idempotencyHeader.merge(ifMatchHeader),
    body: { required: false, content: { "application/json": { schema: CancelMeetingBody } } },
  },
  responses: cancelResponses,
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/meetings/{id}",
  tags: ["Meetings"],
  summary: "Cancel a meeting",
  description: "The same as POST /meetings/{id}/cancel, the reason in the query.",
  request: {
    params: MeetingIdParam,
    headers: idempotencyHeader.merge(ifMatchHeader),
    query: CancelMeetingBody,
  },
  responses: cancelResponses,
});

/**
 * The booking's submission key: derived from the API key and its Idempotency-Key, or a
 * fresh one. Keyed with the server's secret, so that no other key, and no signed-in booker
 * choosing the form's submission key, can compute it to block or take over this booking.
 */
function submissionKey(tokenId: string, key: string | undefined): string {
  if (key === undefined) return `api-${randomUUID()}`;
  const mac = createHmac("sha256", env.AUTH_SECRET).update(`${tokenId}\n${key}`);
  return `api-${mac.digest("base64url").slice(0, 40)}`;
}

async function answerWith(c: ApiContext, meetingId: string, status: 200 | 201): Promise<ApiAnswer> {
  const view = await meetingViewWithCode(apiActor(c), meetingId, c.get("deps"));
  if (!view) throw new ApiProblem("not-found", { detail: "meetingNotFound" });
  return {
    status,
    body: view,
    headers: {
      etag: etagOf(view.version),
      ...(status === 201 ? { location: `/api/v1/meetings/${view.id}` } : {}),
    },
  };
}

async function cancel(c: ApiContext, ref: string, reason: string | undefined): Promise<Response> {
  const expected = ifMatchVersion(c.req.header("if-match"));
  const m = await findManagedMeeting(c, ref);
  return idempotent(c, `cancel ${m.id}`, { reason: reason ?? null }, async () => {
    if (expected !== undefined && expected !== m.version) throw staleVersion(expected, m.version);
    const result = await cancelMeeting(
      apiActor(c),
      m.id,
      { reason, expectedVersion: expected },
      c.get("deps"),
    );
    if (!result.ok) {
      if (result.wecom?.unreachable) c.set("audited", true); // the domain recorded it
      throw cancelProblem(result);
    }
    c.set("audited", true);
    return answerWith(c, m.id, 200);
  });
}

// Handlers answer with the idempotency layer's Response (stored answers are replayed
// byte for byte), so their return is cast for the typed route.
const raw = (res: Response) => res as never;

export function meetingWriteRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(bookRoute, async (c) => {
    requirePermission(c, "meeting:book");
    const body = c.req.valid("json");
    const key = idempotencyKeyOf(c);
    const res = await idempotent(c, "POST /meetings", body, async () => {
      const actor = apiActor(c);
      const ids = await resolveJobNumbers(actor.db, body);
      const {
        adminJobNumber: _a,
        inviteeJobNumbers: _i,
        hostJobNumbers: _h,
        ringJobNumbers: _r,
        roomId,
        ...fields
      } = body;
      const values = {
        ...defaultBookingValues(submissionKey(c.get("principal").tokenId, key)),
        ...fields,
        ...ids,
      };
      const result = await bookMeetingWithRoom(actor, values, roomId, c.get("deps"));
      if (!result.ok) throw bookingProblem(result, body);
      if (!result.replayed) c.set("audited", true);
      if (result.needsReconciliation)
        throw new ApiProblem("wecom-unavailable", {
          detail: "bookingKept",
          meetingId: result.meetingId,
        });
      return answerWith(c, result.meetingId, 201);
    });
    return raw(res);
  });

  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const expected = ifMatchVersion(c.req.header("if-match"));
    const m = await findManagedMeeting(c, id);
    if (expected !== undefined && expected !== m.version) throw staleVersion(expected, m.version);
    const actor = apiActor(c);
    const edit = await meetingForEdit(actor, m.id);
    if (!edit) throw new ApiProblem("not-found", { detail: "meetingNotFound" });
    const ids = await resolveJobNumbers(actor.db, body);
    const {
      inviteeJobNumbers: _i,
      hostJobNumbers: _h,
      ringJobNumbers: _r,
      roomId,
      ...fields
    } = body;
    const values = { ...edit.values, ...fields, ...ids };
    const result = await updateMeeting(
      actor,
      m.id,
      values,
      expected ?? edit.version,
      c.get("deps"),
    );
    if (!result.ok) {
      if (result.wecom?.unreachable) c.set("audited", true);
      throw updateProblem(result, body, expected);
    }
    if (result.changed.length) c.set("audited", true);
    await roomAfterUpdate(actor, m.id, result.changed, roomId, c.get("deps"));
    const answer = await answerWith(c, m.id, 200);
    return raw(c.json(answer.body as Meeting, 200, answer.headers));
  });

  app.openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    return raw(await cancel(c, id, body?.reason));
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    return raw(await cancel(c, id, c.req.valid("query").reason));
  });
}
