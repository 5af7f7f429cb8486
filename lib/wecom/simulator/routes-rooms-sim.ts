// Test and demo controls for meeting rooms under /__sim/ (not WeCom):
// GET  /__sim/rooms                 rooms and every booking, JSON
// POST /__sim/rooms/bookings        a booking made elsewhere (WeCom client, console)
// POST /__sim/apps/:key/rooms       {"enabled": bool}: the app's 会议室 permission switch
// POST /__sim/rooms                 {"rooms": [...]}: more rooms for the demo corp (benches),
//                                   as the admin console's 会议室 page (oa/meetingroom/add) would
import type { Hono } from "hono";
import { z } from "zod";
import type { SimEnv } from "./operation.js";
import { parse } from "./routes-sim.js";
import { roomView } from "./routes-rooms.js";
import type { SimMeeting, SimState } from "./state.js";

const elsewhereSchema = z
  .object({
    meetingroom_id: z.number().int().nonnegative(),
    start_time: z.number().int().nonnegative(),
    end_time: z.number().int().nonnegative(),
    booker: z.string().min(1),
    subject: z.string().max(128).default(""),
    corpId: z.string().optional(),
  })
  .strict()
  .refine((b) => b.end_time > b.start_time, { message: "end_time must follow start_time" });

const addRoomsSchema = z
  .object({
    rooms: z
      .array(
        z
          .object({
            name: z.string().min(1).max(30),
            capacity: z.number().int().min(1).max(10_000),
            building: z.string().max(64).default(""),
            floor: z.string().max(64).default(""),
            equipment: z.array(z.number().int().min(1).max(5)).default([]),
            need_approval: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();

const switchSchema = z.object({ enabled: z.boolean() }).strict();

export function registerRoomSimRoutes(app: Hono<SimEnv>, state: SimState): void {
  app.get("/__sim/rooms", (c) =>
    c.json({
      rooms: state.rooms.rooms.map((r) => ({ corpId: r.corpId, ...roomView(r) })),
      bookings: [...state.rooms.bookings.values()],
      roomApps: [...state.rooms.roomApps],
    }),
  );

  app.post("/__sim/rooms/bookings", async (c) => {
    const got = await parse(c, elsewhereSchema);
    if ("error" in got) return got.error;
    const b = got.data;
    const corpId = b.corpId ?? [...state.corps.keys()][0]!;
    const room = state.rooms.room(corpId, b.meetingroom_id);
    if (!room) return c.json({ error: `no meeting room ${b.meetingroom_id}` }, 404);
    const slot = { start: b.start_time, end: b.end_time };
    if (state.rooms.holder(room, slot)) return c.json({ error: "the room is taken then" }, 409);
    const booking = state.rooms.add(room, [slot], { booker: b.booker, subject: b.subject });
    state.changed();
    return c.json(booking);
  });

  app.post("/__sim/rooms", async (c) => {
    const got = await parse(c, addRoomsSchema);
    if ("error" in got) return got.error;
    const corpId = [...state.corps.keys()][0]!;
    let next = Math.max(0, ...state.rooms.rooms.map((r) => r.meetingroom_id)) + 1;
    const added = got.data.rooms.map((r) => ({
      meetingroom_id: next++,
      corpId,
      city: "深圳",
      ...r,
    }));
    state.rooms.rooms.push(...added);
    return c.json({ added: added.map(roomView) });
  });

  app.post("/__sim/apps/:key/rooms", async (c) => {
    const key = c.req.param("key");
    const target = state.app(key);
    if (!target) return c.json({ error: `no app ${key}` }, 404);
    const got = await parse(c, switchSchema);
    if ("error" in got) return got.error;
    if (got.data.enabled) state.rooms.roomApps.add(key);
    else state.rooms.roomApps.delete(key);
    state.changed();
    return c.json({ key, rooms: got.data.enabled, kind: target.kind });
  });
}

/** The member page's line for a meeting's room: its name, where, and the days it lacks. */
export function meetingRoomText(state: SimState, m: SimMeeting): string | undefined {
  const booking = state.rooms.bookingOfMeeting(m.meetingid);
  if (!booking) return undefined;
  const room = state.rooms.room(m.corpId, booking.meetingroom_id);
  if (!room) return undefined;
  return `${room.name}（${room.building} ${room.floor}，${room.capacity} 人）`;
}
