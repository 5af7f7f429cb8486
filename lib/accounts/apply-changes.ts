import "server-only";
import { db } from "@/lib/db/client";
import type { AccountChange } from "./account-change";
import type { AccountActor } from "./types";

// Writes account changes (one from the form, or a whole import) in one transaction, with
// an audit event per change. The tenant-scoped client offers no transactions (its
// foreign-key checks run outside them), so this uses the process client deliberately:
// every row written carries actor.tenantId, every update and delete is narrowed by it,
// every id written was read through the scoped client, and the composite foreign keys
// (mapping → corp and account, with tenantId) make the database refuse anything else.

/** A unique constraint stopped the write: someone changed the same rows meanwhile. */
export class AccountWriteConflict extends Error {
  constructor(readonly target: string) {
    super(`account write conflict on ${target}`);
  }
}

const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) =>
    xs.slice(i * CHUNK, i * CHUNK + CHUNK),
  );

/**
 * Audit events: objectType "account" (objectId the account) for its fields and state,
 * "mapping" for its userid in one corp. A mapping's events carry the account's id as
 * objectId, with the corp in the diff: a mapping is the account's link in that corp
 * (unique per account and corp), and its row is replaced when the userid changes, so the
 * account is what keeps its history together.
 */
function auditRows(
  actor: AccountActor,
  change: AccountChange,
  accountId: string,
  corpNames: ReadonlyMap<string, string>,
  via: string | undefined,
) {
  const base = {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    source: actor.source,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 300) ?? null,
  };
  const extra = via ? { via } : {};
  const rows = [];
  const fields = Object.keys(change.fields);
  if (fields.length) {
    const action = !change.accountId
      ? "account.create"
      : fields.length === 1 && fields[0] === "active"
        ? change.data.active
          ? "account.activate"
          : "account.deactivate"
        : "account.update";
    rows.push({
      ...base,
      action,
      objectType: "account",
      objectId: accountId,
      diff: { ...change.fields, ...extra } as object,
    });
  }
  for (const m of change.mappings) {
    rows.push({
      ...base,
      action:
        m.from === null ? "mapping.create" : m.to === null ? "mapping.delete" : "mapping.update",
      objectType: "mapping",
      objectId: accountId,
      diff: {
        corp: { id: m.corpRowId, name: corpNames.get(m.corpRowId) ?? "" },
        wecomUserId: { from: m.from, to: m.to },
        ...extra,
      } as object,
    });
  }
  return rows;
}

function isUniqueViolation(err: unknown): err is { code: string; meta?: unknown } {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/** Applies the changes; returns the ids of the accounts, in the order of `changes`. */
export async function applyAccountChanges(
  actor: AccountActor,
  changes: AccountChange[],
  opts: { corpNames: ReadonlyMap<string, string>; via?: string },
): Promise<string[]> {
  const tenantId = actor.tenantId;
  try {
    return await db.$transaction(
      async (tx) => {
        const ids = changes.map((c) => c.accountId);
        const added = changes.flatMap((c, i) => (c.accountId ? [] : [{ c, i }]));
        for (const part of chunks(added)) {
          const created = await tx.oaAccount.createManyAndReturn({
            data: part.map(({ c }) => ({ tenantId, ...c.data })),
            select: { id: true, jobNumber: true },
          });
          const byJob = new Map(created.map((a) => [a.jobNumber, a.id]));
          for (const { c, i } of part) ids[i] = byJob.get(c.data.jobNumber)!;
        }
        for (const c of changes) {
          if (!c.accountId || Object.keys(c.fields).length === 0) continue;
          await tx.oaAccount.update({ where: { id: c.accountId, tenantId }, data: c.data });
        }
        // Mappings whose userid changes are replaced: removing first lets a file swap
        // two accounts' userids without tripping the (corp, userid) unique key.
        const removed = changes.flatMap((c) =>
          c.mappings.flatMap((m) => (m.mappingId ? [m.mappingId] : [])),
        );
        for (const part of chunks(removed)) {
          await tx.mapping.deleteMany({ where: { tenantId, id: { in: part } } });
        }
        const createdMappings = changes.flatMap((c, i) =>
          c.mappings.flatMap((m) =>
            m.to === null
              ? []
              : [{ tenantId, corpRowId: m.corpRowId, oaAccountId: ids[i]!, wecomUserId: m.to }],
          ),
        );
        for (const part of chunks(createdMappings)) await tx.mapping.createMany({ data: part });
        const audit = changes.flatMap((c, i) =>
          auditRows(actor, c, ids[i]!, opts.corpNames, opts.via),
        );
        for (const part of chunks(audit)) await tx.auditEvent.createMany({ data: part });
        return ids as string[];
      },
      // An import of 10,000 rows takes a few seconds; Prisma's default is 5 s.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err)) {
      const target = JSON.stringify(err.meta ?? {});
      throw new AccountWriteConflict(target);
    }
    throw err;
  }
}
