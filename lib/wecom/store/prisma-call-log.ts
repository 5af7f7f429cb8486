// CallLogSink on the CallLog table. Entries arrive already redacted (http.ts).
import "server-only";
import type { Db } from "@/lib/db/client.ts";
import type { CallLogEntry, CallLogSink } from "./types.ts";

// A body can be large (a get_info with hundreds of attendees); the log keeps enough
// to diagnose a call without letting one row grow without bound.
const MAX_BODY_CHARS = 64_000;
const clip = (s: string | null) =>
  s !== null && s.length > MAX_BODY_CHARS ? `${s.slice(0, MAX_BODY_CHARS)}…[truncated]` : s;

type Row = CallLogEntry & { durationMs: number };

const row = (entry: CallLogEntry): Row => ({
  ...entry,
  requestBody: clip(entry.requestBody),
  responseBody: clip(entry.responseBody),
  durationMs: Math.round(entry.durationMs),
});

/**
 * Rows are committed in groups: a row written while another group commits waits for
 * it and goes with the rows that came meanwhile, in one insert (twenty bookings at once
 * make a few call-log transactions, not twenty). Alone, a row is inserted at once. Every
 * write resolves once its own row is stored; a group the database refuses is retried
 * row by row, so one bad row costs no other.
 */
export class PrismaCallLog implements CallLogSink {
  private waiting: { row: Row; done: (err?: unknown) => void }[] = [];
  private committing: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  write(entry: CallLogEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row: row(entry), done: (err) => (err ? reject(err) : resolve()) });
      this.committing ??= this.commitAll();
    });
  }

  private async commitAll(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      await this.commit(group);
    }
    this.committing = null;
  }

  private async commit(group: PrismaCallLog["waiting"]): Promise<void> {
    if (group.length > 1) {
      try {
        await this.db.callLog.createMany({ data: group.map((g) => g.row) });
        for (const g of group) g.done();
        return;
      } catch {
        // One row the database refuses (its meeting deleted meanwhile, say): each alone.
      }
    }
    for (const g of group) {
      try {
        await this.db.callLog.create({ data: g.row });
        g.done();
      } catch (err) {
        g.done(err);
      }
    }
  }
}
