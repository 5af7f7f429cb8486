// POST /meetings/{id}/occurrences/{subMeetingId}/cancel: one occurrence of a series, through
// lib/meetings' cancelOccurrence (the meeting page's door). Idempotent twice over: an
// Idempotency-Key replays the first answer, and without one a second call finds the
// occurrence cancelled and answers the same, sending nothing to WeCom.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { cancelOccurrence } from "@/lib/meetings";
import { decodeMsg } from "@/lib/schemas/messages";
import { subMeetingIdSchema } from "@/lib/schemas/occurrence";
import type { ApiEnv } from "../context";
import { idempotent } from "../idempotency";
import { etagOf, findManagedMeeting } from "../meeting-ref";
import { meetingView } from "../meeting-view";
import { cancelProblem } from "../outcomes";
import { apiActor } from "../principal";
import { ApiProblem } from "../problem";
import { CancelMeetingBody, Meeting, MeetingIdParam, problems } from "../schemas";

const OccurrenceParams = MeetingIdParam.extend({
  subMeetingId: subMeetingIdSchema.openapi({
    param: { name: "subMeetingId", in: "path" },
    description: "WeCom's sub_meetingid, as listed in the meeting's occurrences",
    example: "483920175532018",
  }),
});

const cancelOccurrenceRoute = createRoute({
  method: "post",
  path: "/meetings/{id}/occurrences/{subMeetingId}/cancel",
  tags: ["Meetings"],
  summary: "Cancel one occurrence of a series",
  description:
    "Only an occurrence WeCom has listed (see the meeting's `occurrences`), only while it is " +
    "booked. A second call answers the same.",
  request: {
    params: OccurrenceParams,
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: { required: false, content: { "application/json": { schema: CancelMeetingBody } } },
  },
  responses: {
    200: {
      description: "Cancelled (now or before): the meeting with its occurrences",
      content: { "application/json": { schema: Meeting } },
    },
    ...problems(400, 401, 403, 404, 409, 422, 429, 502),
  },
});

export function occurrenceRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(cancelOccurrenceRoute, async (c) => {
    const { id, subMeetingId } = c.req.valid("param");
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    const m = await findManagedMeeting(c, id);
    const res = await idempotent(
      c,
      `cancel ${m.id} ${subMeetingId}`,
      { reason: body?.reason ?? null },
      async () => {
        const result = await cancelOccurrence(
          apiActor(c),
          m.id,
          subMeetingId,
          { reason: body?.reason },
          c.get("deps"),
        );
        if (!result.ok) {
          if (decodeMsg(result.formError).key === "occurrenceNotFound")
            throw new ApiProblem("not-found", { detail: result.formError });
          throw cancelProblem(result);
        }
        if (!result.alreadyCancelled) c.set("audited", true);
        const view = await meetingView(apiActor(c), m.id);
        if (!view) throw new ApiProblem("not-found", { detail: "meetingNotFound" });
        return { status: 200, body: view, headers: { etag: etagOf(view.version) } };
      },
    );
    return res as never;
  });
}
