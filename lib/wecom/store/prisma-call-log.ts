// CallLogSink on the CallLog table. Entries arrive already redacted (http.ts).
import "server-only";
import type { Db } from "@/lib/db/client.ts";
import type { CallLogEntry, CallLogSink } from "./types.ts";

// A body can be large (a get_info with hundreds of attendees); the log keeps enough
// to diagnose a call without letting one row grow without bound.
const MAX_BODY_CHARS = 64_000;
const clip = (s: string | null) =>
  s !== null && s.length > MAX_BODY_CHARS ? `${s.slice(0, MAX_BODY_CHARS)}…[truncated]` : s;

export class PrismaCallLog implements CallLogSink {
  constructor(private readonly db: Db) {}

  async write(entry: CallLogEntry): Promise<void> {
    await this.db.callLog.create({
      data: {
        ...entry,
        requestBody: clip(entry.requestBody),
        responseBody: clip(entry.responseBody),
        durationMs: Math.round(entry.durationMs),
      },
    });
  }
}
