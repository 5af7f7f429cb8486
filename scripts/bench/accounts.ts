// OA accounts at scale (not a test; prints figures): a CSV import of BENCH_ACCOUNTS
// (10,000) rows into a fresh database with the demo tenant (parse + preview, then the
// write), the same file imported again (it must change nothing), the accounts list's
// queries at that size, and verification of BENCH_VERIFY (1,000) mappings against the
// simulator, counting the WeCom calls in its request log. On a throwaway SQLite file, or
// on a throwaway database of the PostgreSQL server named by TEST_DATABASE_URL.
// Run: npx tsx --conditions=react-server scripts/bench/accounts.ts
import { replaceProcessDb } from "@/lib/db/client.ts";
import { createTestDatabase } from "@/lib/testing/test-db.ts";
import { startSimHarness } from "@/lib/wecom/testing/sim-harness.ts";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const VERIFY = Number(process.env.BENCH_VERIFY ?? 1_000);

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

/** A /__sim/ control call once more: a keep-alive socket may have timed out meanwhile. */
const twice = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch {
    return call();
  }
};

function csvOf(n: number): Uint8Array {
  const lines = ["姓名,工号,邮箱,手机,部门,状态,企业微信账号"];
  for (let i = 0; i < n; i++) {
    const no = String(i).padStart(5, "0");
    lines.push(
      `基准账号${no},B${no},b${no}@bench.example.com,139${no.padStart(8, "0")},基准部门${i % 20},启用,bench-u${no}`,
    );
  }
  // With a BOM, as Excel and MeetBridge's own export write it.
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

const sim = await startSimHarness();
const testDb = await createTestDatabase();
const label = testDb.provider === "sqlite" ? "SQLite" : "PostgreSQL";
try {
  replaceProcessDb(testDb.db);
  const [{ seedDemo }, { scopeToTenant }, { checkApp }, imports, list, verify, filters] =
    await Promise.all([
      import("@/prisma/seed/demo.ts"),
      import("@/lib/db/tenant-scope.ts"),
      import("@/lib/apps/check-app.ts"),
      import("@/lib/accounts/import-accounts.ts"),
      import("@/lib/accounts/list-accounts.ts"),
      import("@/lib/accounts/verify-mappings.ts"),
      import("@/lib/schemas/account-filters.ts"),
    ]);
  const db = testDb.db;
  const { tenantId } = await seedDemo(db, {
    simulatorBaseUrl: sim.sim.baseUrl,
    email: "bench@meetbridge.local",
    password: "bench-password",
    passwordCost: 4,
  });
  const scoped = scopeToTenant(db, tenantId);
  const app = await db.app.findFirstOrThrow({ where: { tenantId, name: "会议助手" } });
  await checkApp(scoped, app.id, "zh-CN");
  const actor = {
    db: scoped,
    tenantId,
    userId: null,
    source: "system" as const,
    locale: "zh-CN" as const,
  };
  const counts = async () => ({
    accounts: await db.oaAccount.count({ where: { tenantId } }),
    mappings: await db.mapping.count({ where: { tenantId } }),
    audit: await db.auditEvent.count({ where: { tenantId } }),
  });

  console.log(`${label}: CSV import of ${ACCOUNTS.toLocaleString("en")} rows`);
  const bytes = csvOf(ACCOUNTS);
  let t0 = performance.now();
  const preview = await imports.previewImport(actor, bytes);
  console.log(
    `  parse + preview: ${ms(t0)}  (${(bytes.byteLength / 1024).toFixed(0)} kB; add ${preview.addCount}, update ${preview.updateCount}, unchanged ${preview.unchanged}, errors ${preview.errorCount})`,
  );
  t0 = performance.now();
  const first = await imports.confirmImport(actor, bytes, preview.token);
  if (!first.ok) throw new Error(`import refused: ${first.formError}`);
  console.log(
    `  confirm (parse + plan again, then the write in one transaction): ${ms(t0)}  (added ${first.added})`,
  );
  const after = await counts();
  console.log(
    `  rows now: ${after.accounts} accounts, ${after.mappings} mappings, ${after.audit} audit events`,
  );

  t0 = performance.now();
  const again = await imports.previewImport(actor, bytes);
  console.log(
    `  second import, preview: ${ms(t0)}  (add ${again.addCount}, update ${again.updateCount}, unchanged ${again.unchanged})`,
  );
  t0 = performance.now();
  const second = await imports.confirmImport(actor, bytes, again.token);
  if (!second.ok) throw new Error(`second import refused: ${second.formError}`);
  const unchanged = JSON.stringify(await counts()) === JSON.stringify(after);
  console.log(
    `  second import, confirm: ${ms(t0)}  (added ${second.added}, updated ${second.updated}; database ${unchanged ? "unchanged" : "CHANGED"})`,
  );

  console.log(`${label}: the accounts list at ${after.accounts.toLocaleString("en")} accounts`);
  for (const [name, search] of [
    ["first page, default order", ""],
    ["page 100 by name", "sort=name&page=100&size=50"],
    ["search a job number", "q=B09999"],
    ["search a userid", "q=bench-u05000"],
    ["verification problems", "verify=problem"],
  ] as const) {
    const f = filters.parseAccountFilters(new URLSearchParams(search));
    await list.listAccounts(scoped, f); // warm
    t0 = performance.now();
    const page = await list.listAccounts(scoped, f);
    console.log(`  ${name.padEnd(26)} ${ms(t0).padStart(7)}  (${page.total} match)`);
  }

  console.log(`${label}: verification of ${VERIFY.toLocaleString("en")} mappings`);
  await twice(() => sim.clearRequests());
  let cursor: string | null = null;
  let done = 0;
  const results = { ok: 0, not_found: 0, out_of_range: 0, skipped: 0 };
  t0 = performance.now();
  while (done < VERIFY) {
    const r = await verify.verifyMappingsBatch(actor, { cursor });
    if (r.error) throw new Error(r.error);
    done += r.processed;
    for (const k of Object.keys(results) as (keyof typeof results)[]) results[k] += r.counts[k];
    cursor = r.nextCursor;
    if (r.done) break;
  }
  const elapsed = ms(t0);
  const calls = await twice(() => sim.requests());
  const byOp = new Map<string, number>();
  for (const c of calls) byOp.set(c.operation, (byOp.get(c.operation) ?? 0) + 1);
  console.log(
    `  ${done} mappings in batches of ${verify.VERIFY_BATCH} (${verify.VERIFY_CONCURRENCY} calls at a time): ${elapsed}`,
  );
  console.log(
    `  results: ok ${results.ok}, not_found ${results.not_found}, out_of_range ${results.out_of_range}, skipped ${results.skipped}`,
  );
  console.log(
    `  WeCom calls: ${calls.length} (${[...byOp].map(([op, n]) => `${op} ${n}`).join(", ")})`,
  );
} finally {
  await testDb.drop();
  await sim.close();
}
process.exit(0);
