import "server-only";
import type { Db } from "./client.ts";
import {
  APPEND_ONLY,
  DIRECT,
  FORBIDDEN_KEYS,
  FOREIGN_KEYS,
  IMMUTABLE,
  NESTED_WRITES,
  RELATIONS,
  SCOPED_DELEGATES,
  SCOPED_OPERATIONS,
  THROUGH,
  TO_USER,
  USER_RELATIONS,
} from "./tenant-policy.ts";

// A tenant-scoped view of the database (decision 003), under the policy in
// tenant-policy.ts. Composite foreign keys in the database back it up.

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
const UPDATES = new Set(["update", "updateMany", "updateManyAndReturn"]);
const DELETES = new Set(["delete", "deleteMany"]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn"]);

export class TenantScopeError extends Error {}

type Obj = Record<string, unknown>;
type Fks = Map<string, Set<string>>;
const isObj = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Adds the tenant filter with AND: it can only narrow what the caller asked for. */
function narrow(where: unknown, filter: object): Obj {
  const w = (where ?? {}) as Obj;
  const and = w.AND === undefined ? [] : Array.isArray(w.AND) ? w.AND : [w.AND];
  return { ...w, AND: [...and, filter] };
}

/** Refuses any path (select, include, where, orderBy, …) through a user into other tenants. */
function checkTraversal(node: unknown, inUser = false, parent = ""): void {
  if (Array.isArray(node)) return node.forEach((n) => checkTraversal(n, inUser, parent));
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    // Only `omit: { passwordHash: true }` may name it; selecting, filtering or sorting on it may not.
    if (FORBIDDEN_KEYS.has(key) && !(parent === "omit" && value === true)) {
      throw new TenantScopeError(`A scoped query may not use ${key}`);
    }
    if (inUser && USER_RELATIONS.has(key)) {
      throw new TenantScopeError(`A scoped query may not follow a user's ${key}`);
    }
    checkTraversal(value, inUser || TO_USER.has(key), key);
  }
}

function addFk(fks: Fks, target: string, value: unknown, field: string): void {
  // Prisma also takes `{ set: id }` for a scalar: unwrap it, refuse any other shape.
  const id = isObj(value) && "set" in value ? value.set : value;
  if (id === null || id === undefined) return;
  if (typeof id !== "string") throw new TenantScopeError(`${field} must be an id`);
  (fks.get(target) ?? fks.set(target, new Set()).get(target)!).add(id);
}

/** Collects the foreign keys a write sets; refuses relation writes and immutable columns. */
function checkData(model: string, data: unknown, op: "create" | "update", fks: Fks): void {
  if (Array.isArray(data)) return data.forEach((d) => checkData(model, d, op, fks));
  if (!isObj(data)) return;
  for (const [key, value] of Object.entries(data)) {
    if (op === "update" && IMMUTABLE.has(key)) {
      throw new TenantScopeError(`${model}.${key} cannot change in a tenant scope`);
    }
    const target = FOREIGN_KEYS[model]?.[key];
    if (target) addFk(fks, target, value, `${model}.${key}`);
    if (!RELATIONS.has(key)) continue;
    const nested = NESTED_WRITES[model]?.[key];
    if (!nested || !isObj(value)) {
      throw new TenantScopeError(`${model}.${key}: scoped writes set foreign keys, not relations`);
    }
    for (const [nestedOp, payload] of Object.entries(value)) {
      if (!nested.ops.includes(nestedOp)) {
        throw new TenantScopeError(`${model}.${key}.${nestedOp} is not allowed in a tenant scope`);
      }
      if (nestedOp === "deleteMany") continue;
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
  if ("tenantId" in data && data.tenantId !== tenantId) {
    throw new TenantScopeError("Cannot create rows in another tenant");
  }
  return { ...data, tenantId };
}

type CountDelegate = { count(args: object): Promise<number> };

/** How many ids a scope remembers per target before it starts again (a job's scope lives long). */
const VOUCHED_MAX = 5_000;
/** Reads of more rows than this vouch for none: a booking reads a few, an import thousands. */
const VOUCHED_READ_MAX = 100;

/** Ids known to be the tenant's, by foreign-key target ("app", "member", …). */
export type VouchedIds = Partial<Record<string, readonly string[]>>;

const targetOf = (model: string) => model[0]!.toLowerCase() + model.slice(1);
const FK_TARGETS = new Set(Object.values(FOREIGN_KEYS).flatMap((fks) => Object.values(fks)));

/**
 * The tenant's database. `vouched`: ids the caller already knows are the tenant's (the
 * signed-in member, the API key in use), so writes naming them need no check.
 */
export function scopeToTenant(db: Db, tenantId: string, vouched: VouchedIds = {}) {
  // A foreign key a write sets is checked once per scope: ids that passed a check, and ids
  // of rows this scope read or created (every scoped read is narrowed to the tenant, so
  // whatever it returns is the tenant's), are not counted again. The database's
  // composite foreign keys still stand behind every write.
  const known = new Map<string, Set<string>>(
    Object.entries(vouched).map(([target, ids]) => [target, new Set(ids)]),
  );
  function vouch(target: string, id: unknown): void {
    if (typeof id !== "string") return;
    let ids = known.get(target);
    if (!ids) known.set(target, (ids = new Set()));
    if (ids.size >= VOUCHED_MAX) ids.clear();
    ids.add(id);
  }
  function vouchRows(model: string, result: unknown): void {
    const target = targetOf(model);
    if (!FK_TARGETS.has(target)) return;
    const rows = Array.isArray(result) ? result : [result];
    if (rows.length > VOUCHED_READ_MAX) return;
    for (const row of rows) if (isObj(row)) vouch(target, row.id);
  }

  async function checkForeignKeys(fks: Fks): Promise<void> {
    for (const [target, all] of fks) {
      const ids = [...all].filter((id) => !known.get(target)?.has(id));
      if (ids.length === 0) continue;
      const found =
        target === "member"
          ? await db.membership.count({ where: { userId: { in: ids }, tenantId } })
          : await (db[target as "app"] as unknown as CountDelegate).count({
              where: { id: { in: ids }, tenantId },
            });
      if (found !== ids.length)
        throw new TenantScopeError(`A foreign key points outside the tenant (${target})`);
      for (const id of ids) vouch(target, id);
    }
  }

  /** A cursor row must be the tenant's own, or ordering around it would reveal another's. */
  async function checkCursor(model: string, cursor: unknown): Promise<void> {
    if (cursor === undefined) return;
    const delegate = db[
      (model[0]!.toLowerCase() + model.slice(1)) as "app"
    ] as unknown as CountDelegate;
    if (
      !DIRECT.has(model) ||
      (await delegate.count({ where: { ...(cursor as Obj), tenantId } })) !== 1
    ) {
      throw new TenantScopeError(`A cursor must be a row of the tenant (${model})`);
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
          const { data: _data, create: _create, update: _update, ...readArgs } = a;
          checkTraversal(readArgs);
          await checkCursor(model, a.cursor);
          const fks: Fks = new Map();
          if (READS.has(operation)) {
            const rows = await query({ ...a, where: narrow(a.where, filter) } as typeof args);
            if (operation.startsWith("find")) vouchRows(model, rows);
            return rows;
          }
          const writable = !APPEND_ONLY.has(model);
          if (UPDATES.has(operation) && writable) {
            checkData(model, a.data, "update", fks);
            await checkForeignKeys(fks);
            return query({ ...a, where: narrow(a.where, filter) } as typeof args);
          }
          if (DELETES.has(operation) && writable && model !== "Tenant") {
            return query({ ...a, where: narrow(a.where, filter) } as typeof args);
          }
          if (CREATES.has(operation) && DIRECT.has(model)) {
            checkData(model, a.data, "create", fks);
            await checkForeignKeys(fks);
            const created = await query({ ...a, data: stamp(a.data, tenantId) } as typeof args);
            if (operation !== "createMany") vouchRows(model, created);
            return created;
          }
          if (operation === "upsert" && DIRECT.has(model) && writable) {
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

  type Delegate = (typeof SCOPED_DELEGATES)[number];
  type Operation = (typeof SCOPED_OPERATIONS)[number];
  // Plain frozen objects holding only the operations: a Prisma delegate also carries
  // `$parent` (the unscoped client) and more, which must not be reachable from here.
  const scoped = Object.fromEntries(
    SCOPED_DELEGATES.map((name) => {
      const delegate = extended[name] as unknown as Record<Operation, (args?: unknown) => unknown>;
      const ops = Object.fromEntries(
        SCOPED_OPERATIONS.map((op) => [op, (args?: unknown) => delegate[op](args)]),
      );
      return [name, Object.freeze(ops)];
    }),
  );
  return Object.freeze(scoped) as {
    // The extension adds query hooks only, so the base delegates' types describe these.
    readonly [K in Delegate]: Pick<Db[K], Operation>;
  };
}

export type TenantDb = ReturnType<typeof scopeToTenant>;
