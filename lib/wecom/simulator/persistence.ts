// The simulator's durable state on disk (WECOM_SIM_STATE_FILE), so that a restart keeps
// what WeCom keeps forever: meetings, revoked apps, corp settings, the clock offset
// (meetings move with it), callback settings and the suite tickets issued. Not tokens: a restarted simulator answers 40014 to the ones it
// issued before, as WeCom does to a token it invalidated, and a client refetches. Not
// faults, latency or the request log either: those are test support, not WeCom state.
//
// Loaded once at start (no file: the seed; an unreadable file: a warning and the seed);
// saved within SAVE_DELAY_MS of a change, on reset at once, and on close, each time
// whole into a temporary file renamed over the old one, so a crash leaves one or the other.
import { readFileSync, renameSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import type { SimCalendar } from "./calendars.js";
import { SIM_APPS } from "./seed-data.js";
import type { DurableStore, SimMeeting, SimState } from "./state.js";

export const SAVE_DELAY_MS = 200;

const FORMAT = "meetbridge-wecom-simulator-state";

const meetingSchema: z.ZodType<SimMeeting> = z.object({
  meetingid: z.string().min(1),
  appKey: z.string(),
  corpId: z.string(),
  admin_userid: z.string(),
  title: z.string(),
  meeting_start: z.number().int(),
  meeting_duration: z.number().int(),
  description: z.string().optional(),
  location: z.string().optional(),
  cal_id: z.string().optional(),
  invitees: z.array(z.string()),
  settings: z.object({
    password: z.string().optional(),
    enable_waiting_room: z.boolean(),
    allow_enter_before_host: z.boolean(),
    remind_scope: z.number().int(),
    enable_enter_mute: z.number().int(),
    allow_external_user: z.boolean(),
    enable_screen_watermark: z.boolean(),
    auto_record_type: z.string().optional(),
    hosts: z.array(z.string()),
    ring_users: z.array(z.string()),
  }),
  reminders: z.object({
    is_repeat: z.number().int(),
    repeat_type: z.number().int().optional(),
    repeat_interval: z.number().int().optional(),
    repeat_until: z.number().int().optional(),
    is_custom_repeat: z.literal(1).optional(),
    repeat_day_of_week: z.array(z.number().int()).optional(),
    repeat_day_of_month: z.array(z.number().int()).optional(),
    repeat_until_type: z.literal(1).optional(),
    repeat_until_count: z.number().int().optional(),
    remind_before: z.array(z.number().int()),
  }),
  meeting_code: z.string(),
  meeting_link: z.string(),
  cancelled: z.boolean(),
  cancelledOccurrences: z.array(z.string()),
  guests: z
    .array(z.object({ area: z.string(), phone_number: z.string(), guest_name: z.string() }))
    .optional(),
  createdAt: z.number().int(),
});

// Calendars (oa/calendar) and the apps without 日程接口权限; files written before have none.
const calendarSchema: z.ZodType<SimCalendar> = z.object({
  cal_id: z.string().min(1),
  appKey: z.string(),
  corpId: z.string(),
  summary: z.string(),
  color: z.string(),
  description: z.string(),
  admins: z.array(z.string()),
  shares: z.array(z.object({ userid: z.string(), permission: z.number().int() })),
  is_public: z.number().int(),
  createdAt: z.number().int(),
});

const callbackConfig = {
  url: z.string(),
  token: z.string(),
  encodingAesKey: z.string(),
  configuredAt: z.number().int(),
};

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  clockOffsetSec: z.number().int(),
  revokedApps: z.array(z.string()),
  corps: z.array(
    z.object({
      corpId: z.string(),
      paidEdition: z.boolean(),
      reportExcessUsers: z.boolean(),
      // Files written before callbacks lack it: the seed's value then.
      meetingAdvanced: z.boolean().optional(),
    }),
  ),
  meetings: z.array(meetingSchema),
  calendars: z.array(calendarSchema).optional(),
  calendarDenied: z.array(z.string()).optional(),
  // Optional: files written before callbacks have none.
  callbacks: z
    .object({
      apps: z.array(z.object({ corpId: z.string(), agentId: z.number().int(), ...callbackConfig })),
      suites: z.array(z.object({ suiteId: z.string(), ...callbackConfig })),
      suiteTickets: z.array(
        z.object({ suiteId: z.string(), ticket: z.string(), issuedAt: z.number().int() }),
      ),
    })
    .optional(),
  // Optional: files written before rooms have none (the seed's bookings then).
  rooms: z
    .object({
      roomApps: z.array(z.string()),
      bookings: z.array(
        z.object({
          booking_id: z.string(),
          corpId: z.string(),
          meetingroom_id: z.number().int(),
          booker: z.string(),
          subject: z.string(),
          appKey: z.string().optional(),
          meetingid: z.string().optional(),
          schedules: z.array(
            z.object({
              schedule_id: z.string(),
              start_time: z.number().int(),
              end_time: z.number().int(),
              status: z.union([z.literal(0), z.literal(1)]),
            }),
          ),
        }),
      ),
    })
    .optional(),
});

export type StateFileContent = z.infer<typeof fileSchema>;

export interface RestoreResult {
  /** fresh: no file yet; restored: read; unreadable: not a state file, started from the seed. */
  status: "fresh" | "restored" | "unreadable";
  meetings: number;
}

export function durableState(state: SimState): StateFileContent {
  return {
    format: FORMAT,
    version: 1,
    clockOffsetSec: state.clock.offset,
    revokedApps: [...state.revoked].sort(),
    corps: [...state.corps.values()].map((c) => ({
      corpId: c.corpId,
      paidEdition: c.paidEdition,
      reportExcessUsers: c.reportExcessUsers,
      meetingAdvanced: c.meetingAdvanced,
    })),
    meetings: [...state.meetings.values()],
    calendars: [...state.calendars.byId.values()],
    calendarDenied: [...state.calendars.denied].sort(),
    callbacks: {
      apps: [...state.callbacks.apps.values()],
      suites: [...state.callbacks.suites.values()],
      suiteTickets: state.callbacks.tickets,
    },
    rooms: {
      roomApps: [...state.rooms.roomApps].sort(),
      bookings: [...state.rooms.bookings.values()],
    },
  };
}

/** Onto a freshly seeded state. Apps and corps the seed no longer has are left out. */
function restore(state: SimState, content: StateFileContent): void {
  state.clock.setOffset(content.clockOffsetSec);
  for (const key of content.revokedApps) if (state.app(key)) state.revoked.add(key);
  for (const saved of content.corps) {
    const corp = state.corps.get(saved.corpId);
    if (corp) {
      corp.paidEdition = saved.paidEdition;
      corp.reportExcessUsers = saved.reportExcessUsers;
      if (saved.meetingAdvanced !== undefined) corp.meetingAdvanced = saved.meetingAdvanced;
    }
  }
  for (const m of content.meetings) state.addMeeting(m);
  if (content.rooms) {
    state.rooms.roomApps = new Set(content.rooms.roomApps.filter((k) => state.app(k)));
    state.rooms.bookings = new Map(content.rooms.bookings.map((b) => [b.booking_id, b]));
  }
  for (const c of content.calendars ?? [])
    if (state.app(c.appKey)) state.calendars.byId.set(c.cal_id, c);
  for (const key of content.calendarDenied ?? [])
    if (state.app(key)) state.calendars.denied.add(key);
  const callbacks = content.callbacks;
  if (!callbacks) return;
  const suiteIds = new Set(SIM_APPS.flatMap((a) => (a.suiteId ? [a.suiteId] : [])));
  for (const a of callbacks.apps) {
    if (SIM_APPS.some((s) => s.corpId === a.corpId && s.agentId === a.agentId))
      state.callbacks.setApp(a);
  }
  for (const s of callbacks.suites)
    if (suiteIds.has(s.suiteId)) state.callbacks.suites.set(s.suiteId, s);
  state.callbacks.tickets = callbacks.suiteTickets.filter((t) => suiteIds.has(t.suiteId));
}

const serialize = (state: SimState) => `${JSON.stringify(durableState(state), null, 2)}\n`;
const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const warn = (message: string) => console.error(`WeCom simulator: ${message}`);

function describeInvalid(err: unknown): string {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    return issue ? `${issue.path.join(".") || "(top level)"}: ${issue.message}` : "invalid";
  }
  return reasonOf(err);
}

export class StateFile implements DurableStore {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The chain of writes, one at a time, in order. */
  private writing: Promise<void> = Promise.resolve();
  /** What the file holds, as far as we know: a save with nothing new writes nothing. */
  private written: string | undefined;
  /** A change not yet written. */
  private dirty = false;
  private tmpSeq = 0;
  private failing = false;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly state: SimState,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {}

  /** Reads the file into the (freshly seeded) state. Never throws: a bad file is set aside. */
  load(): RestoreResult {
    let raw: string;
    try {
      raw = readFileSync(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return { status: "fresh", meetings: 0 };
      warn(
        `could not read its state file ${this.path} (${reasonOf(err)}); starting from the seed.`,
      );
      return { status: "unreadable", meetings: 0 };
    }
    let content: StateFileContent;
    try {
      content = fileSchema.parse(JSON.parse(raw));
    } catch (err) {
      // Set aside rather than overwritten by the next save: it may be worth a look.
      const aside = `${this.path}.corrupt`;
      let moved = true;
      try {
        renameSync(this.path, aside);
      } catch {
        moved = false;
      }
      warn(
        `${this.path} is not a valid simulator state file (${describeInvalid(err)}); starting from the seed${moved ? `, the file was moved to ${aside}` : ""}.`,
      );
      return { status: "unreadable", meetings: 0 };
    }
    restore(this.state, content);
    this.written = serialize(this.state);
    return { status: "restored", meetings: content.meetings.length };
  }

  /**
   * A save within delayMs. Later changes join the pending save rather than postpone it,
   * so a steady stream of changes is still saved every delayMs.
   */
  changed(): void {
    if (this.closed) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  /** Writes now (after any write in progress). Never rejects: a failure is a warning. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** The last save; later changes are not saved. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }

  private async write(): Promise<void> {
    if (!this.dirty) return;
    // Cleared first: a change made while this write runs marks it again.
    this.dirty = false;
    const json = serialize(this.state);
    if (json === this.written) return;
    const tmp = `${this.path}.${process.pid}-${++this.tmpSeq}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(tmp, json, { mode: 0o600 });
      await rename(tmp, this.path);
      this.written = json;
      if (this.failing) warn(`state saved to ${this.path} again.`);
      this.failing = false;
    } catch (err) {
      this.dirty = true;
      await rm(tmp, { force: true }).catch(() => undefined);
      // Once per run of failures, not once per change.
      if (!this.failing) {
        warn(
          `could not save its state to ${this.path} (${reasonOf(err)}); a restart now would lose the changes since the last save. Trying again at the next change.`,
        );
      }
      this.failing = true;
    }
  }
}
