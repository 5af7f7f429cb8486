// The size of what the retention job trims, for one tenant (the tenant settings page):
// row counts, the oldest row kept, and the retention in force. (Callback nonces live for
// the callbacks' timestamp window only, minutes, and belong to no tenant's view.)
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { API_CALL_ACTION, retentionDays, type RetainedKind } from "./policy";

export interface DataSize {
  kind: RetainedKind;
  rows: number;
  oldest: Date | null;
  retentionDays: number;
}

export async function loadDataSizes(db: TenantDb): Promise<DataSize[]> {
  const days = retentionDays();
  const [logs, oldestLog, events, oldestEvent, calls, oldestCall] = await Promise.all([
    db.callLog.count(),
    db.callLog.findFirst({ orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.callbackEvent.count(),
    db.callbackEvent.findFirst({ orderBy: { receivedAt: "asc" }, select: { receivedAt: true } }),
    db.auditEvent.count({ where: { action: API_CALL_ACTION } }),
    db.auditEvent.findFirst({
      where: { action: API_CALL_ACTION },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  return [
    {
      kind: "callLog",
      rows: logs,
      oldest: oldestLog?.createdAt ?? null,
      retentionDays: days.callLog,
    },
    {
      kind: "callbackEvent",
      rows: events,
      oldest: oldestEvent?.receivedAt ?? null,
      retentionDays: days.callbackEvent,
    },
    {
      kind: "apiCallAudit",
      rows: calls,
      oldest: oldestCall?.createdAt ?? null,
      retentionDays: days.apiCallAudit,
    },
  ];
}
