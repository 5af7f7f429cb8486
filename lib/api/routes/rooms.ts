// GET /rooms: a corp's meeting rooms with their availability for a time range, read
// through a self-built app with the 会议室 permission: the booking form's picker, for
// flows (one get_booking_info for the day, never one per room).
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { roomAvailability } from "@/lib/rooms/availability";
import { msg } from "@/lib/schemas/messages";
import { parseWallClock } from "@/lib/schemas/wall-clock";
import type { ApiEnv } from "../context";
import { apiActor } from "../principal";
import { ApiProblem } from "../problem";
import { problems, RoomAvailability, RoomQuery } from "../schemas";

const roomsRoute = createRoute({
  method: "get",
  path: "/rooms",
  tags: ["Rooms"],
  summary: "Meeting rooms, free or taken for a start and duration",
  request: { query: RoomQuery },
  responses: {
    200: {
      description: "The corp's rooms by building, floor and name",
      content: { "application/json": { schema: z.object({ items: z.array(RoomAvailability) }) } },
    },
    ...problems(400, 401, 404, 429, 502),
  },
});

const iso = (sec: number) => new Date(sec * 1000).toISOString();

export function roomRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(roomsRoute, async (c) => {
    const q = c.req.valid("query");
    const actor = apiActor(c);
    const start = parseWallClock(q.start, actor.timeZone);
    if (start === undefined) throw new ApiProblem("validation", { detail: "invalid" });
    const result = await roomAvailability(
      actor.db,
      {
        appId: q.appId,
        start,
        end: start + q.durationMin * 60,
        timeZone: actor.timeZone,
        locale: actor.locale,
      },
      c.get("deps"),
    );
    if (!result.ok) {
      if (result.reason === "not_found")
        throw new ApiProblem("not-found", { detail: "appNotFound" });
      throw new ApiProblem("wecom-unavailable", { detail: msg("wecom", { text: result.reason }) });
    }
    const items = result.rooms.map((r) => ({
      ...r,
      holders: r.holders.map((h) => ({
        start: iso(h.start),
        end: iso(h.end),
        booker: h.booker,
        meetingId: h.meeting?.id ?? null,
      })),
    }));
    return c.json({ items }, 200);
  });
}
