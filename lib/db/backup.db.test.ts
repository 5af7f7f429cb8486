// npm run db:backup: the copy of a database in use opens, passes its check and has the
// rows, including a write committed just before (still in the write-ahead log).
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { backupSqlite, firstValue } from "./backup";

let t: TestDatabase;
const dir = join(tmpdir(), `mb_backup_${process.pid}`);
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

it("copies a database in use, with its latest committed rows", async (ctx) => {
  if (t.provider !== "sqlite") ctx.skip();
  const tenant = await t.db.tenant.create({ data: { name: "备份测试", slug: "backup-test" } });
  await t.db.auditEvent.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({
      tenantId: tenant.id,
      source: "web" as const,
      action: "meeting.book",
      objectType: "Meeting",
      objectId: `m${i}`,
    })),
  });
  // The client stays open (MeetBridge running) while the copy is taken.
  const { file, rows } = await backupSqlite(t.url, dir, new Date("2026-12-07T05:30:00Z"));
  expect(file).toMatch(/meetbridge-20261207-053000\.db$/);
  expect(rows.Tenant).toBe(1);
  expect(rows.AuditEvent).toBe(50);
  const copy = new Database(file);
  try {
    expect(firstValue(copy, "SELECT name FROM Tenant")).toBe("备份测试");
    expect(Number(firstValue(copy, "SELECT COUNT(*) FROM _prisma_migrations"))).toBeGreaterThan(0);
  } finally {
    copy.close();
  }
});
