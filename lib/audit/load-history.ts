import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";

/** One audit event as a history view shows it. */
export interface AuditEntry {
  id: string;
  action: string;
  objectType: string;
  objectId: string;
  /** web, api, sync, callback or system. */
  source: string;
  at: Date;
  /** null: not made by a person (or their account is gone). */
  actorName: string | null;
  diff: Record<string, unknown>;
}

export const HISTORY_LIMIT = 50;

/**
 * The tenant's audit events about these kinds of objects (and, when given, these objects
 * only), newest first. The scoped client keeps it to the tenant; an empty id list reads
 * nothing.
 */
export async function loadAuditHistory(
  db: TenantDb,
  scope: {
    objectTypes: readonly string[];
    objectIds?: readonly string[];
    /** Only these actions (e.g. a key's creation and revocation, not each call it made). */
    actions?: readonly string[];
    take?: number;
  },
): Promise<AuditEntry[]> {
  if (scope.objectIds?.length === 0) return [];
  const events = await db.auditEvent.findMany({
    where: {
      objectType: { in: [...scope.objectTypes] },
      ...(scope.objectIds ? { objectId: { in: [...scope.objectIds] } } : {}),
      ...(scope.actions ? { action: { in: [...scope.actions] } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: scope.take ?? HISTORY_LIMIT,
    select: {
      id: true,
      action: true,
      objectType: true,
      objectId: true,
      source: true,
      createdAt: true,
      diff: true,
      actor: { select: { name: true } },
    },
  });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    source: e.source,
    at: e.createdAt,
    actorName: e.actor?.name ?? null,
    diff:
      e.diff && typeof e.diff === "object" && !Array.isArray(e.diff)
        ? (e.diff as Record<string, unknown>)
        : {},
  }));
}
