// Checking an app against the simulator over HTTP, on a real database (SQLite, and
// PostgreSQL when TEST_DATABASE_URL is set): one app of each kind, an app without the
// meeting permission, wrong credentials and a revoked authorisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant-scope.ts";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness.ts";

let h: MeetingHarness;
let checkApp: typeof import("./check-app.ts").checkApp;
let scoped: TenantDb;

beforeAll(async () => {
  h = await startMeetingHarness();
  // Imported after the harness pointed lib/db/client.ts at the test database.
  ({ checkApp } = await import("./check-app.ts"));
  scoped = scopeToTenant(h.db, h.tenant.id);
});
afterAll(async () => {
  await h?.close();
});

const appNamed = (name: string) =>
  h.db.app.findFirstOrThrow({ where: { tenantId: h.tenant.id, name } });

describe(`checking an app (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("leaves a disabled app disabled when its check succeeds", async () => {
    const app = await appNamed("会议助手");
    await h.db.app.update({ where: { id: app.id }, data: { status: "disabled" } });
    try {
      const result = await checkApp(scoped, app.id, "zh-CN");
      expect(result?.permission).toBe("granted");
      expect((await appNamed("会议助手")).status).toBe("disabled");
    } finally {
      await h.db.app.update({ where: { id: app.id }, data: { status: "active" } });
    }
  });

  it("makes an unauthorised app active again once its check succeeds", async () => {
    const app = await appNamed("会议助手");
    await h.db.app.update({ where: { id: app.id }, data: { status: "unauthorised" } });
    const result = await checkApp(scoped, app.id, "zh-CN");
    expect(result?.permission).toBe("granted");
    expect((await appNamed("会议助手")).status).toBe("active");
  });

  it("checks the demo's app of each kind: granted, or denied (48002) with how to grant it", async () => {
    const expected: [string, string][] = [
      ["会议助手", "granted"],
      ["通知公告", "denied"],
      ["会议通（第三方应用）", "granted"],
      ["会议预约（代开发）", "granted"],
    ];
    for (const [name, permission] of expected) {
      const result = await checkApp(scoped, (await appNamed(name)).id, "en");
      expect(result?.permission, name).toBe(permission);
      expect(result?.field, name).toBeNull();
      if (permission === "denied")
        expect(result?.error).toMatch(/lacks the Meeting API permission \(48002\).*App Management/);
      else expect(result?.error, name).toBeNull();
    }
  });

  it("marks an app whose authorisation was revoked unauthorised (48004)", async () => {
    const app = await appNamed("会议预约（代开发）");
    await h.sim.revoke("custom-dev");
    try {
      const result = await checkApp(scoped, app.id, "zh-CN");
      expect(result?.error).toMatch(/企业已取消对.*会议预约（代开发）.*的授权/);
      expect((await appNamed("会议预约（代开发）")).status).toBe("unauthorised");
    } finally {
      await h.control("POST", "/__sim/apps/custom-dev/restore");
    }
    expect((await checkApp(scoped, app.id, "zh-CN"))?.permission).toBe("granted");
    expect((await appNamed("会议预约（代开发）")).status).toBe("active");
  });
});
