// Someone one app of a corp cannot see may be bookable through another (the demo's
// 行政人事部 is outside 会议助手's range and inside 会议通's): the booking pickers say how
// many of a department the chosen app can add and which other app can add more, and a
// switch to that app knows whom of the people chosen it cannot take. On a real database
// with the demo tenant seeded against the simulator and every app checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

let h: MeetingHarness;
let db: TenantDb;
let mod: {
  bookable: typeof import("./bookable-accounts.ts");
  visibility: typeof import("./app-visibility.ts");
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startMeetingHarness();
  const { scopeToTenant } = await import("@/lib/db/tenant-scope.ts");
  const { db: shared } = await import("@/lib/db/client.ts");
  db = scopeToTenant(shared, h.tenant.id);
  mod = {
    bookable: await import("./bookable-accounts.ts"),
    visibility: await import("./app-visibility.ts"),
  };
  for (const app of await h.db.app.findMany({ where: { tenantId: h.tenant.id } }))
    ids[app.name] = app.id;
});
afterAll(async () => {
  await h?.close();
});

const ASSISTANT = "会议助手";
const THIRD_PARTY = "会议通（第三方应用）";
const CUSTOM = "会议预约（代开发）";

const department = async (app: string, name: string) =>
  (await mod.bookable.searchBookableAccounts(db, ids[app]!, name)).departments.find(
    (d) => d.name === name,
  );

describe(`which app can book whom (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("knows the corp's bookable apps, oldest first, and leaves out one without the permission", async () => {
    const corpRowId = (await h.db.app.findUniqueOrThrow({ where: { id: h.appId } })).corpRowId;
    const apps = await mod.visibility.bookableAppsOfCorp(db, corpRowId);
    expect(apps.map((a) => a.name)).toEqual([ASSISTANT, THIRD_PARTY, CUSTOM]);
  });

  it("says how many of a department each app can add, and which other app can add more", async () => {
    expect(await department(ASSISTANT, "行政人事部")).toEqual({
      name: "行政人事部",
      count: 5,
      addable: 0,
      better: { appId: ids[THIRD_PARTY], appName: THIRD_PARTY, addable: 5 },
    });
    // 会议预约 sees only 邓丽 of them (by name): 会议通 still adds more.
    expect(await department(CUSTOM, "行政人事部")).toMatchObject({
      addable: 1,
      better: { appName: THIRD_PARTY, addable: 5 },
    });
    const seeingAll = await department(THIRD_PARTY, "行政人事部");
    expect(seeingAll).toEqual({ name: "行政人事部", count: 5, addable: 5 });
    // A department 会议助手 sees whole needs no other app.
    expect(await department(ASSISTANT, "研发部")).toEqual({
      name: "研发部",
      count: 10,
      addable: 10,
    });
  });

  it("names the app that can see someone outside the chosen app's range", async () => {
    const dengli = (await mod.bookable.searchBookableAccounts(db, h.appId, "邓丽")).accounts[0];
    expect(dengli).toMatchObject({ name: "邓丽", blocked: "out_of_range", seenBy: THIRD_PARTY });
    const members = await mod.bookable.departmentAccounts(db, h.appId, "行政人事部");
    expect(members).toHaveLength(5);
    for (const m of members)
      expect(m).toMatchObject({ blocked: "out_of_range", seenBy: THIRD_PARTY });
    const lihua = (await mod.bookable.searchBookableAccounts(db, h.appId, "李华")).accounts[0];
    expect(lihua?.blocked).toBeUndefined();
    expect(lihua?.seenBy).toBeUndefined();
  });

  it("tells a switch which of the people chosen the new app cannot book", async () => {
    const chosen = [h.account("zhangwei"), h.account("dengli"), h.account("xiaoming")];
    const refusedByCustom = await mod.bookable.accountsRefusedBy(db, ids[CUSTOM]!, chosen);
    expect(refusedByCustom.map((a) => [a.name, a.blocked])).toEqual([["萧明", "out_of_range"]]);
    expect(await mod.bookable.accountsRefusedBy(db, ids[THIRD_PARTY]!, chosen)).toEqual([]);
  });
});
