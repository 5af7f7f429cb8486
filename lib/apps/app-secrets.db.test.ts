// App credentials are sealed to their app row: a sealed value copied from one app into
// another (same tenant, same column) does not open there, and rows sealed before the
// app row was bound in are re-sealed by `npm run db:migrate`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { scopeToTenant } from "@/lib/db/tenant-scope.ts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { SIM_APPS } from "@/lib/wecom/simulator/seed-data.ts";
import { seedDemo } from "@/prisma/seed/demo.ts";
import { APP_CREDENTIALS_QUERY, AppCredentialsRow, loadAppCredentials } from "./wecom-client.ts";

let t: TestDatabase;
let tenantId: string;
const simSecret = (name: string) => SIM_APPS.find((a) => a.name === name)!.secret!;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ tenantId } = await seedDemo(t.db, {
    simulatorBaseUrl: "http://127.0.0.1:1/cgi-bin/",
    email: "owner@example.com",
    password: "a-long-password",
    passwordCost: 4,
  }));
});
afterAll(async () => t?.drop());

const appNamed = (name: string) =>
  t.db.app.findFirstOrThrow({
    where: { tenantId, name },
    omit: { secretEnc: false },
  });

describe(`app secrets bound to their app (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("opens each app's own secret", async () => {
    const a = await appNamed("会议助手");
    const found = await loadAppCredentials(scopeToTenant(t.db, tenantId), a.id);
    expect(found?.credentials.secret).toBe(simSecret("会议助手"));
  });

  it("does not open app A's sealed secret copied into app B of the same tenant", async () => {
    const a = await appNamed("会议助手");
    const b = await appNamed("通知公告");
    await t.db.app.update({ where: { id: b.id }, data: { secretEnc: a.secretEnc } });
    try {
      const found = await loadAppCredentials(scopeToTenant(t.db, tenantId), b.id);
      expect(found).not.toBeNull();
      // Not A's secret: B has no usable secret until an admin enters one.
      expect(found!.credentials.secret).not.toBe(simSecret("会议助手"));
      expect(found!.credentials.secret).toBeUndefined();
    } finally {
      await t.db.app.update({ where: { id: b.id }, data: { secretEnc: b.secretEnc } });
    }
  });

  it("keeps a row read for a booking's client out of anything serialised from it", async () => {
    const a = await appNamed("会议助手");
    const row = await scopeToTenant(t.db, tenantId).app.findFirstOrThrow({
      where: { id: a.id },
      ...APP_CREDENTIALS_QUERY,
    });
    const kept = { name: row.name, credentials: AppCredentialsRow.of(row) };
    const json = JSON.stringify(kept);
    expect(json).toBe(JSON.stringify({ name: "会议助手", credentials: {} }));
    expect(kept.credentials.appId).toBe(a.id);
    expect(json).not.toContain(a.secretEnc!.slice(-16));
    expect(Object.keys(kept.credentials)).toEqual([]);
  });

  it("re-seals a row sealed the old way (tenant and column only) on migrate, once", async () => {
    const a = await appNamed("会议助手");
    const legacy = sealSecret(simSecret("会议助手"), `app:${tenantId}:secretEnc`);
    await t.db.app.update({ where: { id: a.id }, data: { secretEnc: legacy } });
    // A SQLite file is migrated with no other connection open (as npm run db:migrate is).
    if (t.provider === "sqlite") await t.db.$disconnect();
    await migrate(t.url);

    const resealed = (await appNamed("会议助手")).secretEnc!;
    expect(resealed).not.toBe(legacy);
    const found = await loadAppCredentials(scopeToTenant(t.db, tenantId), a.id);
    expect(found?.credentials.secret).toBe(simSecret("会议助手"));

    // Recognised as done: a second migrate leaves the row as it is.
    if (t.provider === "sqlite") await t.db.$disconnect();
    await migrate(t.url);
    expect((await appNamed("会议助手")).secretEnc).toBe(resealed);
  });
});
