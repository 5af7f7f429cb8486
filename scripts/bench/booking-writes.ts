// The database writes one booking makes (not a test): POST /api/v1/meetings in-process
// (the Hono app, as app/api/v1 mounts it) and bookMeeting from the form's path, against
// the simulator, on a throwaway database (SQLite; PostgreSQL with TEST_DATABASE_URL).
// Every write statement outside a transaction is a transaction of its own; a nested
// create or a $transaction counts once. Printed by table, so a change shows where it cut.
// Run: npx tsx --conditions=react-server scripts/bench/booking-writes.ts
import { randomUUID } from "node:crypto";
import { replaceProcessDb } from "@/lib/db/client.ts";
import { withOperationLog } from "@/lib/testing/operation-log.ts";
import { newApiKey } from "@/lib/api-keys/token.ts";
import { createTestDatabase } from "@/lib/testing/test-db.ts";
import { startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";

const WRITES = /^(create|createMany|update|updateMany|upsert|delete|deleteMany|executeRaw)/;
const BOOKINGS = 5;

const sim = await startSimHarness();
const testDb = await createTestDatabase();
try {
  const { db: counted, ops } = withOperationLog(testDb.db);
  replaceProcessDb(counted);
  const [{ seedDemo }, { createApiApp }, { systemActor }, { checkApp }, { bookMeeting }, booking] =
    await Promise.all([
      import("@/prisma/seed/demo.ts"),
      import("@/lib/api/app.ts"),
      import("@/lib/meetings/system-actor.ts"),
      import("@/lib/apps/check-app.ts"),
      import("@/lib/meetings/book-meeting.ts"),
      import("@/lib/schemas/booking.ts"),
    ]);
  const { tenantId } = await seedDemo(counted, {
    simulatorBaseUrl: sim.sim.baseUrl,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const tenant = await counted.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const actor = systemActor(tenant);
  const app = await counted.app.findFirstOrThrow({ where: { tenantId, name: "会议助手" } });
  await checkApp(actor.db, app.id, "zh-CN");
  const k = newApiKey();
  await counted.apiToken.create({
    data: { tenantId, name: "bench", role: "admin", tokenHash: k.tokenHash, prefix: k.prefix },
  });
  const api = createApiApp();
  const wall = (i: number) =>
    new Date(Date.now() + (8 * 3600 + 86_400 * (3 + i)) * 1000).toISOString().slice(0, 16);
  const post = (i: number) =>
    api.request("/api/v1/meetings", {
      method: "POST",
      headers: {
        authorization: `Bearer ${k.key}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({
        appId: app.id,
        adminJobNumber: "E1005",
        title: `写入计数 ${i}`,
        start: wall(i),
        durationMin: 30,
        inviteeJobNumbers: ["E1006", "E1007"],
      }),
    });
  const accounts = await counted.oaAccount.findMany({
    where: { tenantId, department: "研发部", mappings: { some: {} } },
    take: 3,
  });

  // The first booking warms the token (its writes are not a booking's); then count.
  const first = await post(-1);
  if (first.status !== 201) throw new Error(`warm-up: ${first.status} ${await first.text()}`);
  const perRequest = async (label: string, one: (i: number) => Promise<void>) => {
    ops.length = 0;
    for (let i = 0; i < BOOKINGS; i++) await one(i);
    const names = ops.map((o) => ({
      name: `${o.model}.${o.operation}`,
      write: WRITES.test(o.operation),
    }));
    const writes = names.filter((n) => n.write).map((n) => n.name);
    const reads = names.filter((n) => !n.write).map((n) => n.name);
    const byKind = new Map<string, number>();
    for (const w of writes) byKind.set(w, (byKind.get(w) ?? 0) + 1);
    console.log(
      `${label}: ${(writes.length / BOOKINGS).toFixed(1)} write transactions per booking`,
    );
    for (const [w, n] of [...byKind].sort())
      console.log(`  ${w.padEnd(34)} ${(n / BOOKINGS).toFixed(1)}`);
    const readKinds = new Map<string, number>();
    for (const r of reads) readKinds.set(r, (readKinds.get(r) ?? 0) + 1);
    console.log(`  and ${(reads.length / BOOKINGS).toFixed(1)} reads per booking`);
    for (const [r, n] of [...readKinds].sort())
      console.log(`    ${r.padEnd(32)} ${(n / BOOKINGS).toFixed(1)}`);
  };
  await perRequest(`POST /api/v1/meetings (${testDb.provider})`, async (i) => {
    const res = await post(i);
    if (res.status !== 201) throw new Error(`booking ${i}: ${res.status} ${await res.text()}`);
  });
  await perRequest(`bookMeeting, the form's path (${testDb.provider})`, async (i) => {
    const r = await bookMeeting(actor, {
      ...booking.defaultBookingValues(`writes-${i}-${Date.now()}`),
      appId: app.id,
      adminId: accounts[0]!.id,
      inviteeIds: accounts.slice(1).map((a) => a.id),
      title: `表单写入 ${i}`,
      start: wall(20 + i),
      durationMin: 30,
    });
    if (!r.ok) throw new Error(`booking ${i} refused: ${JSON.stringify(r)}`);
  });
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
