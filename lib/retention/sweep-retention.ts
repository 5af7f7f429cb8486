// Deletes what is past its retention (policy.ts), a few hundred rows per transaction with
// a pause between, so that no booking or page waits behind one long delete (SQLite has a
// single writer; on PostgreSQL a huge DELETE holds locks and bloats the WAL). Old rows are
// found through indexes that lead with the tenant (call log, callback events) or the
// action (API-call audit rows), never by a full scan.
import type { Db } from "@/lib/db/client";
import { API_CALL_ACTION, retentionDays, type RetainedKind } from "./policy";

export interface RetentionOptions {
  now?: Date;
  days?: Record<RetainedKind, number>;
  batchSize?: number;
  pauseMs?: number;
  /** Checked between batches: a stopping instance leaves the rest to the next run. */
  shouldStop?: () => boolean;
  /** Called after each batch (tests count them). */
  onBatch?: (kind: RetainedKind, deleted: number) => void;
}

export type RetentionTally = Record<RetainedKind, number>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const DAY_MS = 86_400_000;

export async function sweepRetention(db: Db, opts: RetentionOptions = {}): Promise<RetentionTally> {
  const now = opts.now ?? new Date();
  const days = opts.days ?? retentionDays();
  const size = opts.batchSize ?? 500;
  const cutoff = (kind: RetainedKind) => new Date(now.getTime() - days[kind] * DAY_MS);
  const tally: RetentionTally = { callLog: 0, callbackEvent: 0, apiCallAudit: 0 };

  async function inBatches(
    kind: RetainedKind,
    findIds: () => Promise<{ id: string }[]>,
    remove: (ids: string[]) => Promise<{ count: number }>,
  ): Promise<void> {
    for (;;) {
      if (opts.shouldStop?.()) return;
      const ids = (await findIds()).map((r) => r.id);
      if (ids.length === 0) return;
      const { count } = await remove(ids);
      tally[kind] += count;
      opts.onBatch?.(kind, count);
      if (ids.length < size) return;
      await sleep(opts.pauseMs ?? 100);
    }
  }

  const tenants = [...(await db.tenant.findMany({ select: { id: true } })).map((t) => t.id), null];
  for (const tenantId of tenants) {
    const logWhere = { tenantId, createdAt: { lt: cutoff("callLog") } };
    await inBatches(
      "callLog",
      () => db.callLog.findMany({ where: logWhere, select: { id: true }, take: size }),
      (ids) => db.callLog.deleteMany({ where: { id: { in: ids } } }),
    );
    if (tenantId === null) continue;
    // Unprocessed events stay whatever their age: the callbacks sweep still owes them work.
    const eventWhere = {
      tenantId,
      receivedAt: { lt: cutoff("callbackEvent") },
      processedAt: { not: null },
    };
    await inBatches(
      "callbackEvent",
      () => db.callbackEvent.findMany({ where: eventWhere, select: { id: true }, take: size }),
      (ids) => db.callbackEvent.deleteMany({ where: { id: { in: ids } } }),
    );
  }
  const auditWhere = { action: API_CALL_ACTION, createdAt: { lt: cutoff("apiCallAudit") } };
  await inBatches(
    "apiCallAudit",
    () => db.auditEvent.findMany({ where: auditWhere, select: { id: true }, take: size }),
    // The action again in the delete: only ever an api.call row, whatever the ids.
    (ids) => db.auditEvent.deleteMany({ where: { id: { in: ids }, action: API_CALL_ACTION } }),
  );
  return tally;
}
