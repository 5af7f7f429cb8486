// Apps whose check could not decide the meeting permission are checked again once people
// are mapped (the accounts import calls this); decided and disabled apps are left alone.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
beforeAll(async () => {
  h = await startMeetingHarness();
});
afterAll(async () => {
  await h?.close();
});

it("decides the permission of an active app left at unknown, and only of those", async () => {
  const { scopeToTenant } = await import("@/lib/db/tenant-scope");
  const { recheckUncheckedApps } = await import("./recheck-unchecked");
  const apps = await h.db.app.findMany({
    where: { tenantId: h.tenant.id },
    orderBy: { id: "asc" },
  });
  const [unknownApp, disabledApp] = apps.filter((a) => a.meetingPermission === "granted");
  await h.db.app.update({ where: { id: unknownApp!.id }, data: { meetingPermission: "unknown" } });
  await h.db.app.update({
    where: { id: disabledApp!.id },
    data: { meetingPermission: "unknown", status: "disabled" },
  });
  const before = (await h.simRequests("agent/get")).length;

  const audits = await recheckUncheckedApps(scopeToTenant(h.db, h.tenant.id), "zh-CN");

  expect(audits.map((a) => a.objectId)).toEqual([unknownApp!.id]);
  const after = await h.db.app.findMany({
    where: { id: { in: [unknownApp!.id, disabledApp!.id] } },
  });
  const by = new Map(after.map((a) => [a.id, a]));
  expect(by.get(unknownApp!.id)!.meetingPermission).toBe("granted");
  expect(by.get(disabledApp!.id)!.meetingPermission).toBe("unknown");
  expect((await h.simRequests("agent/get")).length).toBe(before + 1);
});
