// Integration tests of the meeting domain: a fresh database (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set) with the demo tenant seeded against a running simulator, its
// apps checked, and lib/meetings loaded on top of that database.
//
// lib/meetings, lib/db/lease.ts and lib/apps/wecom-client.ts use the process-wide `db`
// of lib/db/client.ts, fixed when that module is first evaluated (from
// globalThis.meetbridgeDb when set). test-db.ts has already evaluated it for createDb,
// so the modules are reset and everything that reaches `db` is imported afresh, after
// globalThis.meetbridgeDb names the test database.
import { vi } from "vitest";
import type { Db } from "@/lib/db/client.ts";
import type { MeetingActor } from "@/lib/meetings/types.ts";
import { defaultBookingValues, type BookingValues } from "@/lib/schemas/booking-values.ts";
import { SIM_CORP_ID } from "@/lib/wecom/simulator/seed-data.ts";
import type { RequestRecord, SimMeeting } from "@/lib/wecom/simulator/state.ts";
import { startSimHarness, type SimHarness } from "@/lib/wecom/testing/sim-harness.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

const TZ = "Asia/Shanghai";

type MeetingsModule = typeof import("@/lib/meetings/index.ts");

export interface MeetingHarness {
  t: TestDatabase;
  db: Db;
  sim: SimHarness;
  meetings: MeetingsModule;
  /** The encryption key the domain seals secrets with (a child process needs the same). */
  encryptionKey: string;
  tenant: { id: string; timeZone: string };
  ownerId: string;
  /** The demo's booking app (会议助手, self-built, meeting permission granted). */
  appId: string;
  /** OA account id of a simulator member, by WeCom userid. */
  account(userId: string): string;
  /** The owner booking through the browser. */
  actor(): MeetingActor;
  /**
   * A valid booking of a distinct title and key, on the booking app, starting
   * `minutesAhead` from now (whole minutes, in the tenant's zone).
   */
  booking(name: string, over?: Partial<BookingValues>, minutesAhead?: number): BookingValues;
  /** Unix seconds of a booking's start. */
  startSec(v: Pick<BookingValues, "start">): number;
  /** The simulator's request log (bodies included, passwords masked). */
  simRequests(operation?: string): Promise<RequestRecord[]>;
  /** meeting/create requests whose body carried this title. */
  createsOf(title: string): Promise<RequestRecord[]>;
  /** Meetings the simulator holds with this title. */
  simMeetingsTitled(title: string): Promise<(SimMeeting & { status: number })[]>;
  /** A /__sim/ control call. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** "YYYY-MM-DDTHH:mm" in Shanghai (UTC+8, no DST), computed without the code under test. */
function shanghaiWallClock(sec: number): string {
  return new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 16);
}

const g = globalThis as unknown as { meetbridgeDb?: Db; meetbridgeTokens?: unknown };

export async function startMeetingHarness(): Promise<MeetingHarness> {
  const [t, sim] = await Promise.all([createTestDatabase(), startSimHarness()]);
  const close = async () => {
    await sim.close();
    await t.drop();
    delete g.meetbridgeDb;
    delete g.meetbridgeTokens;
  };
  try {
    return await setUp(t, sim, close);
  } catch (err) {
    // beforeAll failed: afterAll has no harness to close, so nothing may be left behind.
    await close();
    throw err;
  }
}

async function setUp(
  t: TestDatabase,
  sim: SimHarness,
  close: () => Promise<void>,
): Promise<MeetingHarness> {
  g.meetbridgeDb = t.db;
  // The token store of an earlier test file would hold an earlier database.
  delete g.meetbridgeTokens;
  vi.resetModules();

  const { db } = await import("@/lib/db/client.ts");
  if (db !== t.db) throw new Error("lib/db/client.ts did not pick up the test database");
  const meetings = await import("@/lib/meetings/index.ts");
  const { systemActor } = await import("@/lib/meetings/system-actor.ts");
  const { checkApp } = await import("@/lib/apps/check-app.ts");
  const { env } = await import("@/lib/env.js");
  const { seedDemo } = await import("@/prisma/seed/demo.ts");

  const seeded = await seedDemo(t.db, {
    simulatorBaseUrl: sim.sim.baseUrl,
    email: "owner@meetings.test",
    password: "meetings-test-password",
    passwordCost: 4,
  });
  const tenantRow = await t.db.tenant.findUniqueOrThrow({ where: { id: seeded.tenantId } });
  const tenant = { id: tenantRow.id, timeZone: tenantRow.timeZone };
  if (tenant.timeZone !== TZ) throw new Error(`the demo tenant is in ${tenant.timeZone}`);

  const scoped = systemActor(tenant).db;
  const apps = await t.db.app.findMany({ where: { tenantId: tenant.id } });
  for (const app of apps) await checkApp(scoped, app.id, "zh-CN");
  const bookingApp = await t.db.app.findFirstOrThrow({
    where: { tenantId: tenant.id, name: "会议助手" },
  });
  if (bookingApp.meetingPermission !== "granted")
    throw new Error("the simulator's 会议助手 did not pass its check");

  const mappings = await t.db.mapping.findMany({
    where: { tenantId: tenant.id, corp: { corpId: SIM_CORP_ID } },
  });
  const accounts = new Map(mappings.map((m) => [m.wecomUserId, m.oaAccountId]));

  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${sim.sim.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const simRequests = async (operation?: string) =>
    (await control(
      "GET",
      `/__sim/requests${operation ? `?operation=${encodeURIComponent(operation)}` : ""}`,
    )) as RequestRecord[];

  let serial = 0;
  const harness: MeetingHarness = {
    t,
    db: t.db,
    sim,
    meetings,
    encryptionKey: env.MEETBRIDGE_ENCRYPTION_KEY,
    tenant,
    ownerId: seeded.ownerId,
    appId: bookingApp.id,
    account(userId) {
      const id = accounts.get(userId);
      if (!id) throw new Error(`no OA account mapped to ${userId}`);
      return id;
    },
    actor: () => ({
      ...systemActor(tenant, "web"),
      userId: seeded.ownerId,
      ip: "203.0.113.7",
      userAgent: "vitest",
    }),
    booking(name, over = {}, minutesAhead = 120) {
      serial++;
      const start = Math.ceil((Date.now() / 1000 + minutesAhead * 60) / 60) * 60;
      return {
        ...defaultBookingValues(`test-${name}-${serial}-${Date.now()}`.slice(0, 64)),
        appId: bookingApp.id,
        adminId: harness.account("lihua"),
        title: `${name} ${serial}`,
        start: shanghaiWallClock(start),
        durationMin: 60,
        ...over,
      };
    },
    startSec: (v) => Date.parse(`${v.start}:00+08:00`) / 1000,
    simRequests,
    async createsOf(title) {
      return (await simRequests("meeting/create")).filter(
        (r) => (r.body as { title?: unknown } | null)?.title === title,
      );
    },
    async simMeetingsTitled(title) {
      const all = (await control("GET", "/__sim/meetings")) as (SimMeeting & {
        status: number;
      })[];
      return all.filter((m) => m.title === title);
    },
    control,
    close,
  };
  return harness;
}
