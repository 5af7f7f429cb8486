// An app's secret is stored encrypted: the raw column never contains it, the default
// select never returns it, and only an explicit read opens it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { openSecret, sealSecret } from "./secret-box.ts";

const SECRET = "Sx9-app-secret-that-must-never-leak-0123456789";
let t: TestDatabase;
let appId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const tenant = await t.db.tenant.create({ data: { name: "T", slug: "t" } });
  const corp = await t.db.corp.create({ data: { tenantId: tenant.id, corpId: "ww1", name: "C" } });
  const app = await t.db.app.create({
    data: {
      tenantId: tenant.id,
      corpRowId: corp.id,
      name: "A",
      kind: "self_built",
      secretEnc: sealSecret(SECRET),
    },
  });
  appId = app.id;
});
afterAll(async () => t?.drop());

describe(`secrets at rest (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("keeps no plaintext in the database row", async () => {
    const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "App"`);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(Buffer.from(SECRET).toString("base64"));
    expect(String(rows[0]?.secretEnc)).toMatch(/^v1\./);
  });

  it("omits the sealed secret from a default read", async () => {
    const app = await t.db.app.findUniqueOrThrow({ where: { id: appId } });
    expect(app).not.toHaveProperty("secretEnc");
  });

  it("opens it only when asked for explicitly", async () => {
    const app = await t.db.app.findUniqueOrThrow({
      where: { id: appId },
      omit: { secretEnc: false },
    });
    expect(openSecret(app.secretEnc!)).toBe(SECRET);
  });
});
