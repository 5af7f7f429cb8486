// GET /meetings (the list's filters, cursor pages) and GET /meetings/{id} (?refresh=1
// reads WeCom first). Every key may read.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { refreshMeeting } from "@/lib/meetings";
import { listMeetingsByCursor } from "@/lib/meetings/list-meetings";
import { parseMeetingFilters } from "@/lib/schemas/meeting-filters";
import type { ApiEnv } from "../context";
import { etagOf, findMeeting } from "../meeting-ref";
import { meetingView, meetingViewWithCode } from "../meeting-view";
import { apiActor } from "../principal";
import { ApiProblem } from "../problem";
import { Meeting, MeetingIdParam, MeetingListQuery, MeetingPage, problems } from "../schemas";

const listRoute = createRoute({
  method: "get",
  path: "/meetings",
  tags: ["Meetings"],
  summary: "List meetings",
  description:
    "The meetings list's filters, newest start first by default. Pages by cursor: pass " +
    "`nextCursor` back as `cursor` (with the same sort) until it is null.",
  request: { query: MeetingListQuery },
  responses: {
    200: { description: "One page", content: { "application/json": { schema: MeetingPage } } },
    ...problems(401, 422, 429),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/meetings/{id}",
  tags: ["Meetings"],
  summary: "Read a meeting",
  request: {
    params: MeetingIdParam,
    query: z.object({
      refresh: z
        .enum(["0", "1"])
        .optional()
        .openapi({ description: "1: read the meeting from WeCom first (its status, code, link)" }),
    }),
  },
  responses: {
    200: {
      description: "The meeting; ETag is its version",
      headers: { ETag: { schema: { type: "string" }, description: 'The version, e.g. "3"' } },
      content: { "application/json": { schema: Meeting } },
    },
    ...problems(401, 404, 429, 502),
  },
});

export function meetingReadRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const p = c.get("principal");
    const filters = parseMeetingFilters(new URL(c.req.url).searchParams);
    const page = await listMeetingsByCursor(
      p.db,
      p.tenant.timeZone,
      // 「我预约的」 is the signed-in person's: an API key lists every meeting it may read.
      { ...filters, mine: undefined, sort: query.sort ?? "start" },
      { cursor: query.cursor, limit: query.limit ?? 25 },
    );
    if (!page)
      throw new ApiProblem("validation", {
        errors: [{ pointer: "/cursor", message: "cursorInvalid" }],
      });
    return c.json(
      {
        items: page.rows.map((r) => ({
          id: r.id,
          title: r.title,
          startAt: new Date(r.startAt * 1000).toISOString(),
          durationMin: Math.round(r.durationSec / 60),
          status: r.status,
          needsReconciliation: r.needsReconciliation,
          wecomMeetingId: r.wecomMeetingId,
          meetingCode: r.meetingCode,
          app: r.app,
          admin: r.admin,
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const m = await findMeeting(c, id);
    const actor = apiActor(c);
    const refresh = c.req.valid("query").refresh === "1";
    if (refresh) {
      const synced = await refreshMeeting(actor, m.id, c.get("deps"));
      const kind = synced.ok ? null : synced.failure?.kind;
      if (kind === "transport" || kind === "uncertain")
        throw new ApiProblem("wecom-unavailable", { meetingId: m.id });
    }
    const view = refresh
      ? await meetingView(actor, m.id)
      : await meetingViewWithCode(actor, m.id, c.get("deps"));
    if (!view) throw new ApiProblem("not-found", { detail: "meetingNotFound" });
    return c.json(view, 200, { etag: etagOf(view.version) });
  });
}
