import "server-only";
import type { Db } from "@/lib/db/client";
import type { Tx } from "./audit";

// "A tenant always keeps an owner who can sign in." Two owners demoting each other at
// the same moment would each count two owners and each go ahead, leaving none. So every
// change that can take an owner away runs in a transaction that first writes the
// tenant's owner rows (a no-op write of role = owner): on PostgreSQL that locks them
// until commit, on SQLite it takes the database's write lock; the second transaction
// waits, and counts again after the first has committed. See docs/decisions/008.

const ATTEMPTS = 4;

/** Deadlocks and write-lock timeouts are worth one more try; anything else is not. */
function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code === "P2034") return true;
  const text = String(e?.message ?? "");
  return /deadlock|could not serialize|SQLITE_BUSY|database is locked/i.test(text);
}

/** Runs `work` with the tenant's owners locked against concurrent changes. */
export async function withOwnersLocked<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          await tx.membership.updateMany({
            where: { tenantId, role: "owner" },
            data: { role: "owner" },
          });
          return work(tx);
        },
        { maxWait: 10_000, timeout: 15_000 },
      );
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

/** Owners who can act: their membership enabled and their account not disabled. */
export function activeOwnerCount(tx: Tx, tenantId: string): Promise<number> {
  return tx.membership.count({
    where: { tenantId, role: "owner", disabled: false, user: { disabled: false } },
  });
}

/** Whether a membership is one of the active owners the rule protects. */
export function isActiveOwner(m: {
  role: string;
  disabled: boolean;
  user: { disabled: boolean };
}): boolean {
  return m.role === "owner" && !m.disabled && !m.user.disabled;
}
