// In-memory CallLogSink for tests and the bench; `maxEntries` bounds a long bench run.
import type { CallLogEntry, CallLogSink } from "./types.ts";

export class MemoryCallLog implements CallLogSink {
  readonly entries: CallLogEntry[] = [];
  constructor(private readonly maxEntries = Number.POSITIVE_INFINITY) {}

  async write(entry: CallLogEntry): Promise<void> {
    if (this.entries.length >= this.maxEntries) this.entries.shift();
    this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
