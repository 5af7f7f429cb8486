// Retention: rows past their retention go, a few hundred per transaction; newer rows, an
// unprocessed callback event, and every audit event that is not an API call stay.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";
import { sweepRetention } from "./sweep-retention";

let h: MeetingHarness;
beforeAll(async () => {
  h = await startMeetingHarness();
});
afterAll(async () => {
  await h?.close();
});

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

it("deletes old call log rows, callback events and API-call audit rows in batches", async () => {
  const tenantId = h.tenant.id;
  const app = await h.db.app.findFirstOrThrow({ where: { tenantId } });
  const log = (createdAt: Date) => ({
    tenantId,
    appId: app.id,
    operation: "meeting/get_info",
    method: "GET",
    url: "https://qyapi.weixin.qq.com/cgi-bin/meeting/get_info?access_token=***",
    durationMs: 12,
    createdAt,
  });
  await h.db.callLog.deleteMany({});
  await h.db.callLog.createMany({
    data: [
      ...Array.from({ length: 1203 }, () => log(ago(91))),
      ...Array.from({ length: 5 }, () => log(ago(89))),
    ],
  });
  const event = (key: string, receivedAt: Date, processed: boolean) => ({
    tenantId,
    appId: app.id,
    dedupeKey: key,
    kind: "meeting_change",
    body: "<xml/>",
    receivedAt,
    processedAt: processed ? receivedAt : null,
    outcome: processed ? "updated" : null,
  });
  await h.db.callbackEvent.createMany({
    data: [
      event("old-1", ago(31), true),
      event("old-2", ago(40), true),
      event("old-unprocessed", ago(40), false),
      event("new-1", ago(29), true),
    ],
  });
  const audit = (action: string, createdAt: Date) => ({
    tenantId,
    source: "api" as const,
    action,
    objectType: action === "api.call" ? "ApiToken" : "Meeting",
    objectId: "x",
    createdAt,
  });
  await h.db.auditEvent.createMany({
    data: [
      audit("api.call", ago(100)),
      audit("api.call", ago(91)),
      audit("api.call", ago(10)),
      audit("meeting.book", ago(400)),
      audit("meeting.cancel", ago(200)),
    ],
  });
  const meetingAuditsBefore = await h.db.auditEvent.count({
    where: { action: { not: "api.call" } },
  });

  const batches: [string, number][] = [];
  const tally = await sweepRetention(h.db, {
    pauseMs: 0,
    onBatch: (kind, n) => batches.push([kind, n]),
  });

  expect(tally).toEqual({ callLog: 1203, callbackEvent: 2, apiCallAudit: 2 });
  expect(batches.filter(([k]) => k === "callLog").map(([, n]) => n)).toEqual([500, 500, 203]);
  expect(await h.db.callLog.count()).toBe(5);
  const events = await h.db.callbackEvent.findMany({ select: { dedupeKey: true } });
  expect(events.map((e) => e.dedupeKey).sort()).toEqual(["new-1", "old-unprocessed"]);
  expect(await h.db.auditEvent.count({ where: { action: "api.call" } })).toBe(1);
  // Meeting audit events are kept, however old.
  expect(await h.db.auditEvent.count({ where: { action: { not: "api.call" } } })).toBe(
    meetingAuditsBefore,
  );

  // A stopping instance leaves the rest for the next run.
  await h.db.callLog.createMany({ data: Array.from({ length: 3 }, () => log(ago(95))) });
  const stopped = await sweepRetention(h.db, { pauseMs: 0, shouldStop: () => true });
  expect(stopped.callLog).toBe(0);
  expect(await h.db.callLog.count()).toBe(8);

  // The tenant settings page shows these sizes, this tenant's only, with the retention.
  const { scopeToTenant } = await import("@/lib/db/tenant-scope");
  const { loadDataSizes } = await import("./data-sizes");
  const sizes = await loadDataSizes(scopeToTenant(h.db, tenantId));
  expect(sizes.map((x) => [x.kind, x.rows, x.retentionDays])).toEqual([
    ["callLog", 8, 90],
    ["callbackEvent", 2, 30],
    ["apiCallAudit", 1, 90],
  ]);
  expect(sizes[0]!.oldest!.getTime()).toBeLessThan(ago(94).getTime());
  const other = await loadDataSizes(scopeToTenant(h.db, "another-tenant"));
  expect(other.map((x) => x.rows)).toEqual([0, 0, 0]);
});
