// Booking a batch end to end: the preview's checks, booking through lib/meetings against
// the simulator over HTTP, a re-upload that books nothing, a refusal that stops nothing
// else, and a crash mid-batch (a child process killed between WeCom's answer and
// MeetBridge's write) that loses no row and books none twice. SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { decodeMsg } from "@/lib/schemas/messages";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let h: MeetingHarness;
let batches: typeof import("./index");

beforeAll(async () => {
  h = await startMeetingHarness();
  batches = await import("./index");
});
afterAll(async () => {
  await h?.close();
});

/** "YYYY-MM-DD HH:mm" in Shanghai, `hours` from now rounded to the hour. */
function startIn(hours: number): string {
  const sec = Math.ceil(Date.now() / 3_600_000 + hours) * 3600;
  return new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 16).replace("T", " ");
}

const HEADER = "应用,管理员工号,会议标题,开始时间,时长（分钟）,参会人,外部编号";
function csv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...rows.map((r) => r.join(","))].join("\r\n"));
}
function meetingRows(
  tag: string,
  n: number,
  over: (i: number) => Partial<Record<number, string>> = () => ({}),
) {
  return Array.from({ length: n }, (_, i) => {
    const row = ["会议助手", "E1005", `${tag} ${i + 1}`, startIn(24 + i), "30", "E1006 E1007", ""];
    for (const [k, v] of Object.entries(over(i))) row[Number(k)] = v!;
    return row;
  });
}
const errorsOf = (rows: { line: number; errors: { field: string; message: string }[] }[]) =>
  rows.flatMap((r) =>
    r.errors.map((e) => ({ line: r.line, field: e.field, key: decodeMsg(e.message).key })),
  );

async function createsTagged(tag: string) {
  return (await h.simRequests("meeting/create")).filter((r) =>
    String((r.body as { title?: string }).title).startsWith(tag),
  );
}

describe(`batches (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("finds each problem at its cell and line, in UTF-8 and in GBK alike", async () => {
    const rows = meetingRows("预检", 5, (i) =>
      i === 1
        ? { 2: "很".repeat(40) }
        : i === 2
          ? { 5: "E1006 E1028" }
          : i === 3
            ? { 1: "E9999" }
            : {},
    );
    const utf8 = await batches.previewSheet(h.actor(), csv(rows), "a.csv");
    const text = new TextDecoder().decode(csv(rows));
    const gbk = await batches.previewSheet(h.actor(), iconv.encode(text, "gbk"), "b.csv");
    for (const p of [utf8, gbk]) {
      expect(p.fileErrors).toEqual([]);
      expect(errorsOf(p.rows)).toEqual([
        { line: 3, field: "title", key: "titleTooLong" },
        { line: 4, field: "invitees", key: "accountOutOfRange" },
        { line: 5, field: "admin", key: "batchJobNumberUnknown" },
      ]);
      expect(p.rows[0]!.values).toMatchObject({ title: "预检 1", durationMin: 30 });
    }
    expect(await createsTagged("预检")).toHaveLength(0);
  });

  it("books every row once; the same file again is all already booked and sends nothing", async () => {
    const tag = `批量${Date.now()}`;
    const file = csv(meetingRows(tag, 6));
    const preview = await batches.previewSheet(h.actor(), file, "q1.csv");
    const created = await batches.createBatch(h.actor(), preview.rows, { onlyValid: false });
    expect(created).toMatchObject({ ok: true, toBook: 6 });
    if (!created.ok) return;
    expect(await batches.processBatch(created.batchId)).toEqual({
      booked: 6,
      refused: 0,
      reconciling: 0,
      failed: 0,
    });
    const view = await batches.loadBatch(h.actor(), created.batchId);
    expect(view?.state).toBe("done");
    expect(view?.rows.every((r) => r.status === "booked" && r.wecomMeetingId)).toBe(true);
    expect(await createsTagged(tag)).toHaveLength(6);

    const again = await batches.previewSheet(h.actor(), file, "q1.csv");
    expect(again.rows.map((r) => r.already?.meetingId)).toEqual(view!.rows.map((r) => r.meetingId));
    const second = await batches.createBatch(h.actor(), again.rows, { onlyValid: false });
    expect(second).toMatchObject({ ok: true, toBook: 0 });
    if (second.ok) expect(await batches.processBatch(second.batchId)).toMatchObject({ booked: 0 });
    expect(await createsTagged(tag)).toHaveLength(6);

    // Another meeting at the time of line 3, for its admin: the form's overlap warning.
    const clash = await batches.previewSheet(
      h.actor(),
      csv(meetingRows(`${tag}另约`, 3, (i) => ({ 1: i === 1 ? "E1005" : "E1020", 5: "" }))),
      "clash.csv",
    );
    expect(clash.rows.map((r) => r.warnings.map((w) => decodeMsg(w)))).toEqual([
      [],
      [{ key: "batchOverlap", params: { count: 1, titles: `${tag} 2` } }],
      [],
    ]);
  });

  it("books a row's room after its meeting, each room problem at the room's cell", async () => {
    const tag = `会议室${Date.now()}`;
    const head = "应用,管理员工号,会议标题,开始时间,时长（分钟）,参会人,会议室";
    const at = (h: number) => startIn(24 * 20 + h);
    const line = (n: number, start: string, room: string) =>
      ["会议助手", "E1005", `${tag} ${n}`, start, "30", "E1006", room].join(",");
    const startSec = (wall: string) => Date.parse(`${wall.replace(" ", "T")}:00+08:00`) / 1000;
    // 珠江 is taken at line 7's time, booked elsewhere in WeCom.
    await h.control("POST", "/__sim/rooms/bookings", {
      meetingroom_id: 3,
      start_time: startSec(at(4)),
      end_time: startSec(at(4)) + 3600,
      booker: "gaoyuan",
    });
    const file = new TextEncoder().encode(
      [
        head,
        line(1, at(0), "天枢"),
        line(2, at(1), "12"),
        line(3, at(2), "火星"),
        line(4, at(3), "董事会议室"),
        line(5, at(0), "天枢"),
        line(6, at(4), "珠江"),
        line(7, at(5), "黄山"),
      ].join("\r\n"),
    );
    const preview = await batches.previewSheet(h.actor(), file, "rooms.csv");
    expect(preview.fileErrors).toEqual([]);
    expect(errorsOf(preview.rows)).toEqual([
      { line: 4, field: "room", key: "batchRoomUnknown" },
      { line: 5, field: "room", key: "batchRoomNeedsApproval" },
      { line: 6, field: "room", key: "batchRoomSameFile" },
      { line: 7, field: "room", key: "batchRoomTaken" },
    ]);
    expect(preview.rows.map((r) => r.room?.id ?? null)).toEqual([10, 12, null, null, 10, 3, 7]);
    expect(await h.simRequests("oa/meetingroom/book_by_meeting")).toHaveLength(0);

    const created = await batches.createBatch(h.actor(), preview.rows, { onlyValid: true });
    if (!created.ok) throw new Error("not created");
    // 黄山 is taken after the preview: WeCom refuses the room, the meeting stays booked.
    await h.control("POST", "/__sim/rooms/bookings", {
      meetingroom_id: 7,
      start_time: startSec(at(5)),
      end_time: startSec(at(5)) + 3600,
      booker: "gaoyuan",
    });
    expect(await batches.processBatch(created.batchId)).toMatchObject({ booked: 3, refused: 0 });
    const view = (await batches.loadBatch(h.actor(), created.batchId))!;
    const byLine = (l: number) => view.rows.find((r) => r.line === l)!;
    expect([2, 3, 8].map((l) => [byLine(l).status, byLine(l).room])).toEqual([
      ["booked", "天枢"],
      ["booked", "开阳"],
      ["booked", "黄山"],
    ]);
    expect(decodeMsg(byLine(8).reason!).key).toBe("batchRoomNotBooked");
    const sim = (await h.control("GET", "/__sim/rooms")) as {
      bookings: { meetingroom_id: number; meetingid?: string }[];
    };
    for (const l of [2, 3]) {
      const m = await h.db.meeting.findUniqueOrThrow({ where: { id: byLine(l).meetingId! } });
      expect(m.roomBookingId).toBeTruthy();
      expect(sim.bookings.find((b) => b.meetingid === m.wecomMeetingId)?.meetingroom_id).toBe(
        l === 2 ? 10 : 12,
      );
    }
    const { resultCsv } = await import("./result-csv");
    const result = resultCsv(view, "zh-CN", "https://mb.example").split(/\r?\n/);
    expect(result[0]).toContain("会议室");
    expect(result[2]).toContain(",12,");
    expect(result[7]).toContain("会议已预约，会议室未预约");
  });

  it("keeps WeCom's reason for the row it refuses and books the others", async () => {
    const tag = `拒绝${Date.now()}`;
    const preview = await batches.previewSheet(h.actor(), csv(meetingRows(tag, 3)), "r.csv");
    const created = await batches.createBatch(h.actor(), preview.rows, { onlyValid: false });
    if (!created.ok) throw new Error("not created");
    await h.sim.fault({ operation: "meeting/create", count: 1, errcode: 400030 });
    const tally = await batches.processBatch(created.batchId, { concurrency: 1 });
    expect(tally).toMatchObject({ booked: 2, refused: 1 });
    const view = await batches.loadBatch(h.actor(), created.batchId);
    expect(view?.rows[0]).toMatchObject({ status: "refused", meetingId: null });
    expect(view?.rows[0]!.reason).toBeTruthy();
    expect(view?.rows.slice(1).map((r) => r.status)).toEqual(["booked", "booked"]);
  });

  it("a crash mid-batch loses no row and books none twice", async () => {
    const tag = `崩溃${Date.now()}`;
    const preview = await batches.previewSheet(h.actor(), csv(meetingRows(tag, 10)), "c.csv");
    const created = await batches.createBatch(h.actor(), preview.rows, { onlyValid: false });
    if (!created.ok) throw new Error("not created");

    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "lib/testing/batch-then-die.ts",
        JSON.stringify({ batchId: created.batchId, dieAfter: 4 }),
      ],
      {
        cwd: ROOT,
        env: {
          NODE_ENV: "test",
          DATABASE_URL: h.t.url,
          MEETBRIDGE_ENCRYPTION_KEY: h.encryptionKey,
          MEETBRIDGE_JOBS: "false",
          // The harness's simulator listed itself in this process only.
          MEETBRIDGE_WECOM_BASE_URLS: h.sim.sim.baseUrl,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exit = await new Promise<{ signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (_code, signal) => resolve({ signal })),
    );
    expect({ ...exit, output }).toMatchObject({ signal: "SIGKILL" });
    const cut = await batches.loadBatch(h.actor(), created.batchId);
    expect(cut?.state).toBe("running");
    expect(cut!.counts.booking).toBeGreaterThan(0);

    // The lease of the dead run lapses; the jobs' next round takes the batch up again.
    await h.db.lease.deleteMany({ where: { name: `batch:${created.batchId}` } });
    await batches.processDueBatches();
    await h.meetings.reconcileDueMeetings({ ...h.meetings.meetingDeps, graceMs: 0 });
    const view = await batches.loadBatch(h.actor(), created.batchId);
    expect(view?.state).toBe("done");
    expect(view?.rows.map((r) => r.status)).toEqual(Array(10).fill("booked"));
    const creates = await createsTagged(tag);
    const titles = creates.map((r) => (r.body as { title: string }).title).sort();
    expect(titles).toEqual([...new Set(titles)]);
    expect(titles).toHaveLength(10);
    for (let i = 1; i <= 10; i++) expect(await h.simMeetingsTitled(`${tag} ${i}`)).toHaveLength(1);
  }, 90_000);
});
