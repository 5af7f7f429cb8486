import "server-only";
import type { Db } from "./client.ts";

// A tenant-scoped view of the database: every read, update and delete on a
// tenant-owned model is filtered by the tenant, and every create is stamped with it,
// whatever the caller passes. Pages and actions get this client from the tenant
// context (lib/auth/tenant-context.ts) and never see another tenant's rows.

/** Models with their own tenantId column. */
const DIRECT = new Set([
  "Membership",
  "Corp",
  "App",
  "OaAccount",
  "Mapping",
  "Meeting",
  "CallLog",
  "AuditEvent",
  "ApiToken",
]);
/** Models owned through a parent that has the tenantId. */
const THROUGH: Record<string, (tenantId: string) => object> = {
  MeetingParticipant: (tenantId) => ({ meeting: { tenantId } }),
  WecomToken: (tenantId) => ({ app: { tenantId } }),
  Tenant: (tenantId) => ({ id: tenantId }),
};

const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

export class TenantScopeError extends Error {}

/**
 * Adds the tenant filter with AND, so it narrows whatever the caller asked for (a
 * caller's own tenantId cannot widen or replace it), while the caller's unique keys
 * stay at the top level as findUnique/update/delete require.
 */
function narrow(where: unknown, filter: object): object {
  const w = (where ?? {}) as Record<string, unknown>;
  const and = w.AND === undefined ? [] : Array.isArray(w.AND) ? w.AND : [w.AND];
  return { ...w, AND: [...and, filter] };
}

function stamp(data: unknown, tenantId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => stamp(d, tenantId));
  if (data && typeof data === "object") {
    if ("tenant" in data)
      throw new TenantScopeError("Scoped writes set tenantId, not the tenant relation");
    return { ...data, tenantId };
  }
  return data;
}

export function scopeToTenant(db: Db, tenantId: string) {
  return db.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const filter = DIRECT.has(model) ? { tenantId } : THROUGH[model]?.(tenantId);
          if (!filter) return query(args); // global models: User, Lease, RateLimiterFlexible
          const a = (args ?? {}) as Record<string, unknown>;
          if (READS.has(operation)) {
            return query({ ...a, where: narrow(a.where, filter) } as typeof args);
          }
          if (CREATES.has(operation)) {
            if (!DIRECT.has(model))
              throw new TenantScopeError(`Create ${model} through its parent`);
            return query({ ...a, data: stamp(a.data, tenantId) } as typeof args);
          }
          if (operation === "upsert") {
            if (!DIRECT.has(model))
              throw new TenantScopeError(`Upsert ${model} through its parent`);
            return query({
              ...a,
              where: narrow(a.where, filter),
              create: stamp(a.create, tenantId),
            } as typeof args);
          }
          throw new TenantScopeError(
            `Operation ${operation} on ${model} is not allowed in a tenant scope`,
          );
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof scopeToTenant>;
