import "server-only";
import type { Db } from "./client.ts";
import {
  DIRECT,
  FOREIGN_KEYS,
  NESTED_WRITES,
  RELATIONS,
  SCOPED_DELEGATES,
  THROUGH,
  TO_USER,
  USER_RELATIONS,
} from "./tenant-policy.ts";

// A tenant-scoped view of the database (decision 003). Reads, updates and deletes are
// narrowed to the tenant; creates are stamped with it; a write may not move a row to
// another tenant, write through relations (but a meeting's own participants), or point
// a foreign key at another tenant's row; a read may not follow a user into the other
// tenants they belong to. Raw SQL and global models are not part of the scoped client.

const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);
const UPDATES = new Set(["update", "updateMany", "updateManyAndReturn", "delete", "deleteMany"]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

export class TenantScopeError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Adds the tenant filter with AND: it can only narrow what the caller asked for. */
function narrow(where: unknown, filter: object): Obj {
  const w = (where ?? {}) as Obj;
  const and = w.AND === undefined ? [] : Array.isArray(w.AND) ? w.AND : [w.AND];
  return { ...w, AND: [...and, filter] };
}

/** Refuses include/select/where paths that go through a user into their other tenants. */
function checkTraversal(node: unknown, inUser = false): void {
  if (Array.isArray(node)) return node.forEach((n) => checkTraversal(n, inUser));
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (inUser && USER_RELATIONS.has(key))
      throw new TenantScopeError(`A scoped query may not follow a user's ${key}`);
    if (inUser && key === "omit" && isObj(value) && value.passwordHash === false) {
      throw new TenantScopeError("A scoped query may not read password hashes");
    }
    checkTraversal(value, inUser || TO_USER.has(key));
  }
}

/** Collects foreign keys set by a write, checking that no relation or tenantId is written. */
function checkData(
  model: string,
  data: unknown,
  op: "create" | "update",
  fks: Map<string, Set<string>>,
): void {
  if (Array.isArray(data)) return data.forEach((d) => checkData(model, d, op, fks));
  if (!isObj(data)) return;
  for (const [key, value] of Object.entries(data)) {
    if (key === "tenantId" && op === "update")
      throw new TenantScopeError("A row cannot move to another tenant");
    const target = FOREIGN_KEYS[model]?.[key];
    if (target && typeof value === "string")
      (fks.get(target) ?? fks.set(target, new Set()).get(target)!).add(value);
    if (!RELATIONS.has(key)) continue;
    const nested = NESTED_WRITES[model]?.[key];
    if (!nested || !isObj(value))
      throw new TenantScopeError(`${model}.${key}: scoped writes set foreign keys, not relations`);
    for (const [nestedOp, payload] of Object.entries(value)) {
      if (!nested.ops.includes(nestedOp))
        throw new TenantScopeError(`${model}.${key}.${nestedOp} is not allowed in a tenant scope`);
      if (nestedOp !== "deleteMany")
        checkData(
          nested.model,
          isObj(payload) && "data" in payload ? payload.data : payload,
          "create",
          fks,
        );
    }
  }
}

function stamp(data: unknown, tenantId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => stamp(d, tenantId));
  if (!isObj(data)) return data;
  if ("tenantId" in data && data.tenantId !== tenantId)
    throw new TenantScopeError("Cannot create rows in another tenant");
  return { ...data, tenantId };
}

export function scopeToTenant(db: Db, tenantId: string) {
  async function checkForeignKeys(fks: Map<string, Set<string>>) {
    for (const [target, ids] of fks) {
      const delegate = db[target as "app"] as unknown as { count(args: object): Promise<number> };
      const found = await delegate.count({ where: { id: { in: [...ids] }, tenantId } });
      if (found !== ids.size)
        throw new TenantScopeError(`A foreign key points outside the tenant (${target})`);
    }
  }

  const extended = db.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const filter = DIRECT.has(model) ? { tenantId } : THROUGH[model]?.(tenantId);
          if (!filter) throw new TenantScopeError(`${model} is not part of a tenant scope`);
          const a = (args ?? {}) as Obj;
          checkTraversal({ where: a.where, include: a.include, select: a.select, omit: a.omit });
          const fks = new Map<string, Set<string>>();
          if (READS.has(operation))
            return query({ ...a, where: narrow(a.where, filter) } as typeof args);
          if (UPDATES.has(operation)) {
            checkData(model, a.data, "update", fks);
            await checkForeignKeys(fks);
            return query({ ...a, where: narrow(a.where, filter) } as typeof args);
          }
          if (!DIRECT.has(model))
            throw new TenantScopeError(`${operation} ${model} through its parent`);
          if (CREATES.has(operation)) {
            checkData(model, a.data, "create", fks);
            await checkForeignKeys(fks);
            return query({ ...a, data: stamp(a.data, tenantId) } as typeof args);
          }
          if (operation === "upsert") {
            checkData(model, a.create, "create", fks);
            checkData(model, a.update, "update", fks);
            await checkForeignKeys(fks);
            return query({
              ...a,
              where: narrow(a.where, filter),
              create: stamp(a.create, tenantId),
            } as typeof args);
          }
          throw new TenantScopeError(`${operation} on ${model} is not allowed in a tenant scope`);
        },
      },
    },
  });

  const scoped = Object.fromEntries(SCOPED_DELEGATES.map((name) => [name, extended[name]]));
  return scoped as Pick<typeof extended, (typeof SCOPED_DELEGATES)[number]>;
}

export type TenantDb = ReturnType<typeof scopeToTenant>;
