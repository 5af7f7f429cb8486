// The room board's link into the booking form: ?app=…&room=…&start=YYYY-MM-DDTHH:mm&duration=30.
// Anything malformed, or an app that may not use rooms, gives no preset (an empty form).
import { z } from "zod";
import { roomIdSchema } from "@/lib/schemas/room";
import type { BookingPreset } from "./booking-form";
import type { BookingAppOption } from "./types";

const presetSchema = z.object({
  app: z.string().min(1).max(64),
  room: z.coerce.number().pipe(roomIdSchema.unwrap()),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  duration: z.coerce.number().int().min(5).max(1439).default(30),
});

export function boardPreset(
  params: Record<string, string | string[] | undefined>,
  apps: BookingAppOption[],
): BookingPreset | undefined {
  const parsed = presetSchema.safeParse(params);
  if (!parsed.success) return undefined;
  const app = apps.find((a) => a.id === parsed.data.app && a.rooms && !a.unavailable);
  if (!app) return undefined;
  return {
    appId: app.id,
    roomId: parsed.data.room,
    start: parsed.data.start,
    durationMin: parsed.data.duration,
  };
}
