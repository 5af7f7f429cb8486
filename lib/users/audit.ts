import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { UsersActor } from "./types";

/** The transaction client of `db.$transaction(fn)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type UsersObject = "user" | "membership";

/**
 * One audit event for a change to a tenant's users, written in the same transaction as
 * the change. The diff names the person (email, name) so that the record still reads
 * after they are removed; it never holds a password, a hash or a token.
 */
export async function auditUsers(
  tx: Tx,
  actor: UsersActor,
  event: {
    action: string;
    objectType: UsersObject;
    objectId: string;
    diff: Record<string, unknown>;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      source: "web",
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      diff: event.diff as object,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
    },
  });
}

/** "membership.added": a person may now sign in to the tenant, with this role. */
export async function auditAdded(
  tx: Tx,
  actor: UsersActor,
  user: { id: string; email: string; name: string },
  role: Role,
  via: "password" | "invite" | "existing",
): Promise<void> {
  await auditUsers(tx, actor, {
    action: "membership.added",
    objectType: "membership",
    objectId: user.id,
    diff: { email: user.email, name: user.name, role: { from: null, to: role }, via },
  });
}
