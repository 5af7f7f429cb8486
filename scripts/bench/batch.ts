// Booking many meetings at once (not a test): an uploaded sheet of 30 rows booked with the
// simulator answering in 100 ms (goal: within 10 s), then 500 rows: the preview's time
// (goal: under 3 s) and the most WeCom calls in flight at once, counted by the simulator
// (goal: never above BATCH_CALLS_AT_ONCE). On a throwaway SQLite file, or on a throwaway
// database of the PostgreSQL server named by TEST_DATABASE_URL (run.sh runs both).
// Run: npx tsx --conditions=react-server scripts/bench/batch.ts
import { replaceProcessDb } from "@/lib/db/client.ts";
import { createTestDatabase } from "@/lib/testing/test-db.ts";
import { startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";

const LATENCY_MS = 100;
const sim = await startSimHarness();
const testDb = await createTestDatabase();
const label = testDb.provider === "sqlite" ? "SQLite" : "PostgreSQL";

function sheet(tag: string, rows: number): Uint8Array {
  const lines = ["应用,管理员工号,会议标题,开始时间,时长（分钟）,参会人"];
  const base = Math.ceil(Date.now() / 3_600_000 + 24) * 3600;
  for (let i = 0; i < rows; i++) {
    // Shanghai wall clock, one meeting per half hour; admins and invitees of 研发部.
    const start = new Date((base + i * 1800 + 8 * 3600) * 1000).toISOString().slice(0, 16);
    const admin = `E${1005 + (i % 10)}`;
    const invitees = [1, 2, 3].map((k) => `E${1005 + ((i + k) % 10)}`).join(" ");
    lines.push(`会议助手,${admin},${tag} ${i + 1},${start.replace("T", " ")},30,${invitees}`);
  }
  return new TextEncoder().encode(lines.join("\n"));
}

async function inFlight(method: "GET" | "DELETE"): Promise<{ now: number; peak: number }> {
  // A fresh connection each time: a kept-alive one may have been closed while idle.
  const res = await fetch(`${sim.sim.url}/__sim/in-flight`, {
    method,
    headers: { connection: "close" },
  });
  return (await res.json()) as { now: number; peak: number };
}

try {
  replaceProcessDb(testDb.db);
  const [{ seedDemo }, { systemActor }, { checkApp }, batches] = await Promise.all([
    import("@/prisma/seed/demo.ts"),
    import("@/lib/meetings/system-actor.ts"),
    import("@/lib/apps/check-app.ts"),
    import("@/lib/batches/index.ts"),
  ]);
  const { tenantId, ownerId } = await seedDemo(testDb.db, {
    simulatorBaseUrl: sim.sim.baseUrl,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const tenant = await testDb.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const actor = { ...systemActor(tenant, "web"), userId: ownerId };
  for (const app of await testDb.db.app.findMany({ where: { tenantId } }))
    await checkApp(actor.db, app.id, "zh-CN");
  await sim.setLatency(LATENCY_MS);

  const run = async (rows: number) => {
    const file = sheet(`基准批量${rows}-${Date.now()}`, rows);
    const t0 = performance.now();
    const preview = await batches.previewSheet(actor, file, "bench.csv");
    const previewMs = performance.now() - t0;
    console.log(`  preview of ${rows} rows: ${previewMs.toFixed(0)} ms`);
    const errors = preview.rows.filter((r) => r.errors.length).length;
    if (preview.fileErrors.length || errors)
      throw new Error(`${errors} rows in error: ${JSON.stringify(preview.rows[0]?.errors)}`);
    const created = await batches.createBatch(actor, preview.rows, { onlyValid: false });
    if (!created.ok) throw new Error(created.error);
    await inFlight("DELETE");
    const t1 = performance.now();
    const tally = await batches.processBatch(created.batchId);
    const bookMs = performance.now() - t1;
    const peak = (await inFlight("GET")).peak;
    const view = await batches.loadBatch(actor, created.batchId);
    console.log(
      `${label.padEnd(10)} ${String(rows).padStart(3)} rows: preview ${previewMs.toFixed(0)} ms, ` +
        `confirm → all booked ${(bookMs / 1000).toFixed(1)} s (${JSON.stringify(tally)}, state ${view?.state}), ` +
        `WeCom calls in flight at most ${peak} (limit ${batches.BATCH_CALLS_AT_ONCE}), simulator at ${LATENCY_MS} ms`,
    );
  };
  await run(30);
  await run(500);
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
