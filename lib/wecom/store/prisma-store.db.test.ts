// The Prisma stores on a real, freshly migrated database (SQLite by default, PostgreSQL
// when TEST_DATABASE_URL is set), and two "app instances" sharing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client.ts";
import { withOperationLog } from "@/lib/testing/operation-log.ts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { createWecomClient } from "../client.ts";
import { secretsOf, startSimHarness, type SimHarness } from "../testing/sim-harness.ts";
import { PrismaCallLog } from "./prisma-call-log.ts";
import { PrismaTokenStore } from "./prisma-token-store.ts";

let t: TestDatabase;
let second: Db;
let h: SimHarness;
const APP_ID = "app-meeting-assistant";
const TENANT_ID = "tenant-sim";

beforeAll(async () => {
  [t, h] = await Promise.all([createTestDatabase(), startSimHarness()]);
  // A second client on the same database stands in for a second app instance.
  second = createDb(t.url);
  await t.db.tenant.create({ data: { id: TENANT_ID, name: "Sim", slug: "sim" } });
  const corp = await t.db.corp.create({
    data: { tenantId: TENANT_ID, corpId: "wwdemo0000000001", name: "示例科技" },
  });
  for (const id of [APP_ID, "app-other"]) {
    await t.db.app.create({
      data: { id, tenantId: TENANT_ID, corpRowId: corp.id, name: "会议助手", kind: "self_built" },
    });
  }
});

afterAll(async () => {
  await second?.$disconnect();
  await t?.drop();
  await h?.close();
});

describe("PrismaTokenStore", () => {
  it("seals tokens at rest and reads them back", async () => {
    const store = new PrismaTokenStore(t.db);
    const expiresAt = new Date(Date.now() + 60_000);
    await store.put("app-other", "corp", { value: "plain-token-value-1", expiresAt });
    const row = await t.db.wecomToken.findFirstOrThrow({
      where: { appId: "app-other" },
      omit: { tokenEnc: false },
    });
    expect(row.tokenEnc).not.toContain("plain-token-value-1");
    expect(await store.get("app-other", "corp")).toEqual({
      value: "plain-token-value-1",
      expiresAt,
    });
  });

  it("invalidates only the token that failed", async () => {
    const store = new PrismaTokenStore(t.db);
    await store.put("app-other", "suite", {
      value: "newer",
      expiresAt: new Date(Date.now() + 60_000),
    });
    await store.invalidate("app-other", "suite", "older");
    expect((await store.get("app-other", "suite"))?.value).toBe("newer");
    await store.invalidate("app-other", "suite", "newer");
    expect(await store.get("app-other", "suite")).toBeNull();
  });

  it("grants a lease to exactly one of many concurrent instances", async () => {
    const stores = [new PrismaTokenStore(t.db), new PrismaTokenStore(second)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores[i % 2]!.tryAcquireLease("lease:race", `owner-${i}`, 10_000),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("lets a lapsed lease be taken over, and only its owner release it", async () => {
    const a = new PrismaTokenStore(t.db);
    const b = new PrismaTokenStore(second);
    expect(await a.tryAcquireLease("lease:lapse", "a", 100)).toBe(true);
    expect(await b.tryAcquireLease("lease:lapse", "b", 10_000)).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(await b.tryAcquireLease("lease:lapse", "b", 10_000)).toBe(true);
    await a.releaseLease("lease:lapse", "a");
    expect(await a.tryAcquireLease("lease:lapse", "a", 10_000)).toBe(false);
    await b.releaseLease("lease:lapse", "b");
    expect(await a.tryAcquireLease("lease:lapse", "a", 10_000)).toBe(true);
  });
});

describe("two app instances sharing one database", () => {
  it("make exactly one gettoken between them on a cold cache, and log every call redacted", async () => {
    await t.db.wecomToken.deleteMany({ where: { appId: APP_ID } });
    const app = h.credentials("meeting-assistant");
    const instances = [t.db, second].map((db) =>
      createWecomClient(app, {
        tokens: new PrismaTokenStore(db),
        callLog: new PrismaCallLog(db),
        timeoutMs: 15_000,
      }),
    );
    await h.clearRequests();
    const users = await Promise.all(
      instances.flatMap((c) => Array.from({ length: 25 }, () => c.getUser("lihua"))),
    );
    expect(users.every((u) => u.userId === "lihua")).toBe(true);
    expect((await h.requests("gettoken")).length).toBe(1);
    expect((await h.requests("user/get")).length).toBe(50);

    const rows = await t.db.callLog.findMany({ where: { appId: APP_ID } });
    expect(rows.filter((r) => r.operation === "gettoken")).toHaveLength(1);
    expect(
      rows.filter((r) => r.operation === "user/get" && r.errcode === 0 && r.tenantId === TENANT_ID),
    ).toHaveLength(50);
    const token = await new PrismaTokenStore(t.db).get(APP_ID, "corp");
    const dump = JSON.stringify(rows);
    for (const secret of [...secretsOf([]), token?.value ?? "missing"])
      expect(dump).not.toContain(secret);
    expect(token).not.toBeNull();
  });
});

describe("PrismaCallLog", () => {
  const entry = (n: number, meetingId: string | null = null) => ({
    tenantId: TENANT_ID,
    appId: APP_ID,
    meetingId,
    operation: "meeting/create" as const,
    method: "POST" as const,
    url: `https://example.test/cgi-bin/meeting/create?n=${n}`,
    requestBody: `{"n":${n}}`,
    responseBody: null,
    httpStatus: 200,
    errcode: 0,
    errmsg: "ok",
    error: null,
    attempt: 1,
    durationMs: 12.4,
    createdAt: new Date(),
  });

  it("stores every row written at once, in fewer inserts than rows", async () => {
    const { db: counted, ops } = withOperationLog(t.db);
    const log = new PrismaCallLog(counted);
    await Promise.all(Array.from({ length: 20 }, (_, n) => log.write(entry(1000 + n))));
    const rows = await t.db.callLog.findMany({ where: { url: { contains: "?n=10" } } });
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.durationMs === 12)).toBe(true);
    expect(ops.filter((o) => o.model === "CallLog").length).toBeLessThan(20);
  });

  it("keeps the others when one row of a group is refused, and fails only that write", async () => {
    const log = new PrismaCallLog(t.db);
    const results = await Promise.allSettled([
      log.write(entry(2000)),
      log.write(entry(2001)),
      log.write(entry(2002, "no-such-meeting")),
      log.write(entry(2003)),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    const rows = await t.db.callLog.findMany({ where: { url: { contains: "?n=200" } } });
    expect(rows.map((r) => r.url.slice(-4)).sort()).toEqual(["2000", "2001", "2003"]);
  });
});
