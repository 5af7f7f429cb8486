// Integration test of the wasm migration engine. SQLite by default; set
// TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres to run it on PostgreSQL.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db.ts";
import { Prisma } from "./generated/sqlite/client.ts";
import { migrate } from "./migrate.ts";
import { withSchemaEngine } from "./schema-engine.ts";
import { derivedSchema, migrationsDir, schemaPath } from "./schema-files.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

describe(`migrate (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("creates a table for every model", async () => {
    // No model uses @@map, so each table is named after its model on both providers.
    for (const model of Object.values(Prisma.ModelName)) {
      const rows = await t.db.$queryRawUnsafe<{ n: unknown }[]>(
        `SELECT COUNT(*) AS n FROM "${model}"`,
      );
      expect(Number(rows[0]?.n), model).toBe(0);
    }
  });

  it("lets the client write and read a tenant, a user and a membership", async () => {
    const tenant = await t.db.tenant.create({ data: { name: "Acme", slug: "acme" } });
    const user = await t.db.user.create({
      data: { email: "a@acme.test", name: "A", passwordHash: "x" },
    });
    await t.db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "admin" } });

    const found = await t.db.membership.findUniqueOrThrow({
      where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
      include: { tenant: true, user: true },
    });
    expect(found.role).toBe("admin");
    expect(found.tenant.slug).toBe("acme");
    expect(found.user.email).toBe("a@acme.test");
    expect(found.tenant.timeZone).toBe("Asia/Shanghai");
  });

  it("applies nothing the second time", async () => {
    // A SQLite file in write-ahead-log mode is migrated with no other connection open
    // (as npm run demo and the e2e server do: migrate, then start).
    if (t.provider === "sqlite") await t.db.$disconnect();
    expect(await migrate(t.url)).toEqual({ applied: [] });
  });

  it("records every committed migration in _prisma_migrations, as prisma migrate deploy does", async () => {
    const committed = readdirSync(migrationsDir(t.provider), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(committed.some((name) => name.endsWith("_init"))).toBe(true);
    const rows = await t.db.$queryRawUnsafe<
      { migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]
    >(
      `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  // Several branches each add a migration; after a merge the migrations must still build
  // exactly the schema the client is generated from. The live database is compared with
  // the derived schema. SQLite only: the engine cannot read PostgreSQL's internal "char"
  // columns through adapter-pg (stack-notes.md), and both providers' migrations are
  // written by the same diff in scripts/db-migration-new.ts.
  it.skipIf(Boolean(env.TEST_DATABASE_URL))(
    "builds exactly the schema the client is generated from (no drift)",
    async () => {
      await t.db.$disconnect();
      const schema = derivedSchema("sqlite");
      const files = [{ path: schemaPath("sqlite"), content: schema }];
      const result = await withSchemaEngine(
        { url: t.url, datamodels: [[schemaPath("sqlite"), schema]] },
        (engine) =>
          engine.diff({
            from: { tag: "schemaDatasource", files, configDir: process.cwd() },
            to: { tag: "schemaDatamodel", files },
            script: true,
            exitCode: true,
            filters: { externalTables: [], externalEnums: [] },
          }),
      );
      expect(result.stdout?.trim()).toBe("-- This is an empty migration.");
      expect(result.exitCode).toBe(0);
    },
  );
});
