// The state file (WECOM_SIM_STATE_FILE): what a restarted simulator keeps (meetings,
// revocations, corp settings, the clock offset), what it forgets (tokens, faults,
// latency, the request log), and that a missing or broken file never stops it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWecomClient } from "../client";
import { MemoryCallLog } from "../store/memory-call-log";
import { MemoryTokenStore } from "../store/memory-token-store";
import { credentialsFor } from "../testing/sim-harness";
import type { StateFileContent } from "./persistence";
import { SIM_CORP_ID, simApp } from "./seed-data";
import { allowStartedSimulator } from "../base-url";
import { startSimulator, type RunningSimulator } from "./server";
import { SimTestClient } from "./test-client";

let dir: string;
let file: string;
let running: RunningSimulator[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "wecom-sim-state-"));
  file = join(dir, "wecom-sim.json");
});
afterEach(async () => {
  await Promise.all(running.map((s) => s.close().catch(() => undefined)));
  running = [];
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function start(port = 0) {
  const sim = await startSimulator({ port, stateFile: file });
  // MeetBridge's client calls only allow-listed bases (decision 015): list this one.
  allowStartedSimulator(sim.baseUrl);
  running.push(sim);
  return { sim, client: new SimTestClient(sim) };
}
async function stop(sim: RunningSimulator) {
  running = running.filter((s) => s !== sim);
  await sim.close();
}
const readState = async () => JSON.parse(await readFile(file, "utf8")) as StateFileContent;

async function eventually(check: () => Promise<boolean>, withinMs = 5_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function createMeeting(client: SimTestClient, token: string, extra = {}) {
  const now = await client.now();
  const reply = await client.call(
    "meeting/create",
    {
      admin_userid: "zhangwei",
      title: "季度经营分析会",
      meeting_start: now + 3600,
      meeting_duration: 1800,
      invitees: { userid: ["wangfang", "lihua"] },
      ...extra,
    },
    token,
  );
  expect(reply.errcode).toBe(0);
  return String(reply.meetingid);
}

describe("a restart on the same state file", () => {
  it("keeps every meeting as get_info, get_user_meetingid and the member pages saw it", async () => {
    const first = await start();
    expect(first.sim.restored).toEqual({ status: "fresh", meetings: 0 });
    const token = await first.client.token();
    const now = await first.client.now();
    const oneOff = await createMeeting(first.client, token, {
      settings: { password: "1234", enable_waiting_room: true },
    });
    const series = await createMeeting(first.client, token, {
      title: "周例会",
      meeting_start: now + 3600,
      reminders: { is_repeat: 1, repeat_type: 0, repeat_until: now + 3600 + 3 * 86_400 },
    });
    const updated = await first.client.call(
      "meeting/update",
      { meetingid: oneOff, title: "季度经营分析会（改）", location: "3 楼大会议室" },
      token,
    );
    expect(updated.errcode).toBe(0);
    const seriesInfo = await first.client.call("meeting/get_info", { meetingid: series }, token);
    const secondSub = (seriesInfo.sub_meetings as { sub_meetingid: string }[])[1]!.sub_meetingid;
    const cancelled = await first.client.call(
      "meeting/cancel",
      { meetingid: series, sub_meetingid: secondSub },
      token,
    );
    expect(cancelled.errcode).toBe(0);
    const gone = await createMeeting(first.client, token, { title: "已取消的会" });
    expect((await first.client.call("meeting/cancel", { meetingid: gone }, token)).errcode).toBe(0);

    const ids = [oneOff, series, gone];
    const infos = await Promise.all(
      ids.map((meetingid) => first.client.call("meeting/get_info", { meetingid }, token)),
    );
    const listOf = (c: SimTestClient, t: string) =>
      c.call("meeting/get_user_meetingid", { userid: "lihua" }, t);
    const list = await listOf(first.client, token);
    await stop(first.sim);

    const second = await start();
    expect(second.sim.restored).toEqual({ status: "restored", meetings: 3 });
    // The token issued before the restart is gone, as a WeCom token cache must expect.
    expect(
      (await second.client.call("meeting/get_info", { meetingid: oneOff }, token)).errcode,
    ).toBe(40014);
    const token2 = await second.client.token();
    const again = await Promise.all(
      ids.map((meetingid) => second.client.call("meeting/get_info", { meetingid }, token2)),
    );
    expect(again).toEqual(infos);
    expect(again[0]).toMatchObject({ title: "季度经营分析会（改）", status: 1 });
    expect(again[2]).toMatchObject({ status: 4 });
    expect(await listOf(second.client, token2)).toEqual(list);
    const page = await (await fetch(`${second.sim.url}/__sim/members/lihua`)).text();
    expect(page).toContain("季度经营分析会（改）");
    expect(page).toContain("周例会");

    // New bookings never reuse a stored meetingid or meeting code.
    const fresh = await createMeeting(second.client, token2);
    expect(ids).not.toContain(fresh);
    const freshInfo = await second.client.call("meeting/get_info", { meetingid: fresh }, token2);
    expect(infos.map((i) => i.meeting_code)).not.toContain(freshInfo.meeting_code);
    await stop(second.sim);
    expect((await readState()).meetings.map((m) => m.meetingid).sort()).toEqual(
      [...ids, fresh].sort(),
    );
  });

  it("keeps calendars, who made them, and the 日程接口权限 switches", async () => {
    const first = await start();
    const t = await first.client.token("third-party");
    const added = await first.client.call(
      "oa/calendar/add",
      { calendar: { summary: "会议（MeetBridge）", color: "#1F7A5C" } },
      t,
    );
    expect(added.errcode).toBe(0);
    await first.client.control("apps/custom-dev/calendar-permission", { body: { granted: false } });
    await stop(first.sim);

    const second = await start();
    const t2 = await second.client.token("third-party");
    const got = await second.client.call("oa/calendar/get", { cal_id_list: [added.cal_id] }, t2);
    expect(got).toMatchObject({ errcode: 0, calendar_list: [{ cal_id: added.cal_id }] });
    const other = await second.client.token("custom-dev");
    const denied = await second.client.call("oa/calendar/get", { cal_id_list: ["x"] }, other);
    expect(denied.errcode).toBe(48002);
    await stop(second.sim);
  });

  it("keeps revocations, corp settings and the clock offset; not tokens, faults, latency or the log", async () => {
    const first = await start();
    await first.client.control("apps/custom-dev/revoke", { body: {} });
    await first.client.control(`corps/${SIM_CORP_ID}/settings`, { body: { paidEdition: true } });
    await first.client.control("clock", { body: { advanceSec: 86_400 } });
    await first.client.control("faults", { body: { operation: "gettoken", errcode: -1 } });
    await first.client.control("latency", { body: { ms: 5 } });
    await first.client.token("third-party");
    await stop(first.sim);

    const second = await start();
    const seed = await second.client.control<{
      apps: { key: string; revoked: boolean }[];
      corps: { paidEdition: boolean }[];
    }>("seed");
    expect(seed.apps.filter((a) => a.revoked).map((a) => a.key)).toEqual(["custom-dev"]);
    expect(seed.corps[0]?.paidEdition).toBe(true);
    const clock = await second.client.control<{ offsetSec: number }>("clock");
    expect(clock.offsetSec).toBe(86_400);
    expect(await second.client.control("faults")).toEqual([]);
    expect(await second.client.control("latency")).toEqual({ ms: 0 });
    expect(await second.client.control("requests")).toEqual([]);
    // The fault was not kept: the first gettoken succeeds.
    await second.client.token();
    const saved = await readFile(file, "utf8");
    expect(saved).not.toContain("access_token");
    expect(saved).not.toContain(simApp("meeting-assistant").secret);
  });

  it("lets MeetBridge's client carry on: its cached token is refused (40014), refetched, the call resent", async () => {
    const first = await start();
    const tokens = new MemoryTokenStore();
    const callLog = new MemoryCallLog();
    const wecom = createWecomClient(
      credentialsFor(simApp("meeting-assistant"), first.sim.baseUrl),
      {
        tokens,
        callLog,
        retry: { baseDelayMs: 5, maxAttempts: 2 },
      },
    );
    const { meetingId } = await wecom.createMeeting({
      adminUserId: "lihua",
      title: "评审会",
      meetingStart: Math.floor(Date.now() / 1000) + 86_400,
      meetingDuration: 1800,
    });
    const before = await wecom.getMeetingInfo(meetingId);
    const port = Number(new URL(first.sim.url).port);
    await stop(first.sim);

    // Same port, so the app row's base URL still points at it, as in `npm run demo`.
    const second = await start(port);
    const after = await wecom.getMeetingInfo(meetingId);
    expect(after.meetingCode).toBe(before.meetingCode);
    expect(after.title).toBe("评审会");
    const infos = await second.client.control<{ errcode: number }[]>(
      "requests?operation=meeting/get_info",
    );
    expect(infos.map((r) => r.errcode)).toEqual([40014, 0]);
  });
});

describe("saving", () => {
  it("saves shortly after a change, without waiting for the stop, through a renamed temp file", async () => {
    const { client } = await start();
    const id = await createMeeting(client, await client.token());
    await eventually(async () =>
      existsSync(file) ? (await readState()).meetings.some((m) => m.meetingid === id) : false,
    );
    expect(await readdir(dir)).toEqual(["wecom-sim.json"]);
  });

  it("resets the file with POST /__sim/reset", async () => {
    const first = await start();
    const token = await first.client.token();
    const id = await createMeeting(first.client, token);
    await first.client.control("apps/notice-bot/revoke", { body: {} });
    await first.client.control("reset", { body: {} });
    const saved = await readState();
    expect(saved.meetings).toEqual([]);
    expect(saved.revokedApps).toEqual([]);
    await stop(first.sim);

    const second = await start();
    expect(second.sim.restored).toEqual({ status: "restored", meetings: 0 });
    const got = await second.client.call(
      "meeting/get_info",
      { meetingid: id },
      await second.client.token(),
    );
    expect(got.errcode).toBe(40058);
  });

  it("saves on SIGTERM before `npm run simulator` exits", async () => {
    const port = await freePort();
    // Node itself with tsx's loader, so the signal reaches main.ts and no wrapper.
    const child = spawn(process.execPath, ["--import", "tsx", "lib/wecom/simulator/main.ts"], {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      env: {
        NODE_ENV: "test",
        WECOM_SIM_HOST: "127.0.0.1",
        WECOM_SIM_PORT: String(port),
        WECOM_SIM_STATE_FILE: file,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await eventually(async () => output.includes("listening"), 15_000);
      const url = `http://127.0.0.1:${port}`;
      const client = new SimTestClient({ url, baseUrl: `${url}/cgi-bin/`, close: async () => {} });
      const id = await createMeeting(client, await client.token());
      child.kill("SIGTERM"); // at once: well within the save delay
      expect(await exited).toBe(0);
      expect((await readState()).meetings.map((m) => m.meetingid)).toEqual([id]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
});

describe("loading", () => {
  it.each([
    ["not JSON", "{ half a file"],
    ["JSON of another shape", JSON.stringify({ meetings: "none" })],
    ["an empty file", ""],
  ])(
    "starts from the seed when the file is %s, warns on stderr and sets the file aside",
    async (_, text) => {
      await writeFile(file, text);
      const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const { sim, client } = await start();
      expect(sim.restored).toEqual({ status: "unreadable", meetings: 0 });
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(file));
      expect(await readFile(`${file}.corrupt`, "utf8")).toBe(text);
      expect(await client.control("meetings")).toEqual([]);
      const id = await createMeeting(client, await client.token());
      await stop(sim);
      expect((await readState()).meetings.map((m) => m.meetingid)).toEqual([id]);
    },
  );

  it("starts from the seed without a file, and writes none until something changes", async () => {
    const { sim, client } = await start();
    expect(sim.restored).toEqual({ status: "fresh", meetings: 0 });
    await client.token();
    await client.call("meeting/get_info", { meetingid: "hy-none" }, await client.token());
    await stop(sim);
    expect(existsSync(file)).toBe(false);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
