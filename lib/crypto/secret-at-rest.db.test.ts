// Secrets are stored encrypted by the code that really writes them (the demo seed for
// app credentials, the token store for WeCom tokens): the raw rows never contain them,
// a default read never returns them, and only an explicit read opens them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { PrismaTokenStore } from "@/lib/wecom/store/prisma-token-store.ts";
import { SIM_APPS } from "@/lib/wecom/simulator/seed-data.ts";
import { seedDemo } from "@/prisma/seed/demo.ts";
import { openAppSecret } from "./app-secret.ts";

const TOKEN = "wecom-access-token-that-must-never-leak-0123456789";
const secrets = SIM_APPS.flatMap((a) => [
  a.secret,
  a.suiteSecret,
  a.suiteTicket,
  a.permanentCode,
]).filter((s): s is string => Boolean(s));
let t: TestDatabase;

async function rawRows(table: string): Promise<string> {
  return JSON.stringify(await t.db.$queryRawUnsafe(`SELECT * FROM "${table}"`));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, {
    simulatorBaseUrl: "http://127.0.0.1:1/cgi-bin/",
    email: "owner@example.com",
    password: "a-long-password",
    passwordCost: 4,
  });
  const app = await t.db.app.findFirstOrThrow({ where: { kind: "self_built" } });
  await new PrismaTokenStore(t.db).put(app.id, "corp", {
    value: TOKEN,
    expiresAt: new Date(Date.now() + 3600_000),
  });
});
afterAll(async () => t?.drop());

describe(`secrets at rest (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("keeps no app secret, suite secret, ticket or permanent code in the App rows", async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const raw = await rawRows("App");
    for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(raw).toMatch(/"app2\.v1\./);
  });

  it("keeps no WeCom token in the token cache rows", async () => {
    const raw = await rawRows("WecomToken");
    expect(raw).not.toContain(TOKEN);
    expect(raw).toMatch(/"v1\./);
  });

  it("omits sealed secrets from a default read and opens them only when asked", async () => {
    const app = await t.db.app.findFirstOrThrow({ where: { kind: "self_built" } });
    expect(app).not.toHaveProperty("secretEnc");
    const withSecret = await t.db.app.findUniqueOrThrow({
      where: { id: app.id },
      omit: { secretEnc: false },
    });
    expect(secrets).toContain(openAppSecret(app, "secretEnc", withSecret.secretEnc!));
    // Bound to its place: the same ciphertext does not open as another tenant's, app's or column's.
    expect(() =>
      openAppSecret({ ...app, tenantId: "other-tenant" }, "secretEnc", withSecret.secretEnc!),
    ).toThrow();
    expect(() =>
      openAppSecret({ ...app, id: "other-app" }, "secretEnc", withSecret.secretEnc!),
    ).toThrow();
    expect(() => openAppSecret(app, "suiteSecretEnc", withSecret.secretEnc!)).toThrow();
  });
});
