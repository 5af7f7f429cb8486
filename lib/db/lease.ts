import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client.ts";

// Work that must run once across every app instance on one database (a reconcile of
// one meeting, a sweep) runs under a named lease row; a lease that its holder never
// released (a crash) lapses after its ttl.

const OWNER = `${process.pid}-${randomUUID()}`;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002";
}

export async function tryAcquireLease(name: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  const lockedUntil = new Date(now.getTime() + ttlMs);
  try {
    await db.lease.create({ data: { name, owner: OWNER, lockedUntil } });
    return true;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const taken = await db.lease.updateMany({
    where: { name, lockedUntil: { lt: now } },
    data: { owner: OWNER, lockedUntil },
  });
  return taken.count === 1;
}

export async function releaseLease(name: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, owner: OWNER } });
}

/** A stopping instance hands back every lease it holds, so another takes the work at once. */
export async function releaseAllLeases(): Promise<number> {
  return (await db.lease.deleteMany({ where: { owner: OWNER } })).count;
}

/**
 * Runs `fn` holding the lease, or returns `busy` when another holder has it. With
 * `keep`, the lease is left to lapse at its ttl: a periodic job then runs once per
 * interval across instances, not once per instance.
 */
export async function withLease<T>(
  name: string,
  ttlMs: number,
  fn: () => Promise<T>,
  opts: { keep?: boolean } = {},
): Promise<T | "busy"> {
  if (!(await tryAcquireLease(name, ttlMs))) return "busy";
  try {
    return await fn();
  } finally {
    if (!opts.keep) await releaseLease(name);
  }
}

/** Pushes a held lease's end out again (long work renews as it goes); false if it was lost. */
export async function renewLease(name: string, ttlMs: number): Promise<boolean> {
  const renewed = await db.lease.updateMany({
    where: { name, owner: OWNER },
    data: { lockedUntil: new Date(Date.now() + ttlMs) },
  });
  return renewed.count === 1;
}
