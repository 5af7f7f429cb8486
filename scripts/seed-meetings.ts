// `npm run db:seed:meetings -- 100000`: adds N meetings to the demo tenant of
// DATABASE_URL (SQLite or PostgreSQL), for the list benchmark and for trying the list at
// scale. Rows go straight in with createMany: no WeCom call, no audit trail.
import { createDb } from "../lib/db/client.ts";
import { DEMO_TENANT_SLUG } from "../prisma/seed/demo.ts";

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  console.error("usage: npm run db:seed:meetings -- <count>");
  process.exit(2);
}

const STATUSES = ["booked", "in_progress", "ended", "cancelled", "expired"] as const;
const BATCH = 2000;
const db = createDb();
try {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  const apps = await db.app.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
  const admins = await db.oaAccount.findMany({
    where: { tenantId: tenant.id, mappings: { some: {} } },
    select: { id: true, mappings: { select: { wecomUserId: true }, take: 1 } },
  });
  if (!apps.length || !admins.length)
    throw new Error("seed the demo tenant first (npm run db:seed)");
  const run = Date.now().toString(36);
  const now = Date.now();
  const started = performance.now();
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    await db.meeting.createMany({
      data: Array.from({ length: n }, (_, k) => {
        const i = done + k;
        const admin = admins[i % admins.length]!;
        // Spread over two years around now, on the half hour.
        const startAt = new Date(
          now - 365 * 86_400_000 + ((i * 7_919) % 730) * 86_400_000 + (i % 20) * 1_800_000,
        );
        return {
          tenantId: tenant.id,
          appId: apps[i % apps.length]!.id,
          idempotencyKey: `seed-${run}-${i}`,
          wecomMeetingId: null,
          title: `批量会议 ${run} #${i}`,
          startAt,
          durationSec: [1800, 3600, 7200][i % 3]!,
          adminAccountId: admin.id,
          adminUserId: admin.mappings[0]?.wecomUserId ?? "unknown",
          status: STATUSES[i % STATUSES.length]!,
          syncState: i % 997 === 0 ? ("needs_reconciliation" as const) : ("in_sync" as const),
        };
      }),
    });
    process.stdout.write(`\r${done + n}/${count}`);
  }
  console.log(
    `\nadded ${count} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await db.$disconnect();
}
