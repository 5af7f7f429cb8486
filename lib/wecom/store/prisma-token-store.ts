// TokenStore on the database, shared by every app instance. Token values are sealed
// (AES-256-GCM) at rest. The lease is a row in Lease, acquired without transactions
// or provider-specific SQL so it is safe on both SQLite and PostgreSQL: insert if
// absent (the primary key turns a concurrent insert into a unique violation), else
// take it over only where it has lapsed (an atomic conditional UPDATE).
import "server-only";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box.ts";
import type { Db } from "@/lib/db/client.ts";
import type { TokenKind } from "../types.ts";
import type { TokenRecord, TokenStore } from "./types.ts";
import { logger } from "@/lib/observability/logger";

/** A token is sealed to its app and kind: copied to another row, it does not open. */
const tokenContext = (appId: string, kind: TokenKind) => `token:${appId}:${kind}`;

/** Prisma's unique-constraint violation, from either generated client. */
function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "P2002";
}

export class PrismaTokenStore implements TokenStore {
  constructor(private readonly db: Db) {}

  async get(appId: string, kind: TokenKind): Promise<TokenRecord | null> {
    const row = await this.db.wecomToken.findUnique({
      where: { appId_kind: { appId, kind } },
      omit: { tokenEnc: false },
    });
    if (!row) return null;
    try {
      return {
        value: openSecret(row.tokenEnc, tokenContext(appId, kind)),
        expiresAt: row.expiresAt,
      };
    } catch {
      // Sealed under another key (rotation) or moved: as good as absent; a fresh fetch
      // replaces it. Said once per occurrence, without the value, so a wrong key shows.
      logger.warn({ app: appId, kind }, "cached token could not be opened; fetching a new one");
      return null;
    }
  }

  async put(appId: string, kind: TokenKind, record: TokenRecord): Promise<void> {
    const data = {
      tokenEnc: sealSecret(record.value, tokenContext(appId, kind)),
      expiresAt: record.expiresAt,
    };
    try {
      await this.db.wecomToken.upsert({
        where: { appId_kind: { appId, kind } },
        create: { appId, kind, ...data },
        update: data,
      });
    } catch (err) {
      // Two instances upserting a missing row at once (a lapsed lease): the loser updates.
      if (!isUniqueViolation(err)) throw err;
      await this.db.wecomToken.update({ where: { appId_kind: { appId, kind } }, data });
    }
  }

  async invalidate(appId: string, kind: TokenKind, onlyValue?: string): Promise<void> {
    if (onlyValue === undefined) {
      await this.db.wecomToken.deleteMany({ where: { appId, kind } });
      return;
    }
    const row = await this.db.wecomToken.findUnique({
      where: { appId_kind: { appId, kind } },
      omit: { tokenEnc: false },
    });
    if (!row) return;
    let value: string | null;
    try {
      value = openSecret(row.tokenEnc, tokenContext(appId, kind));
    } catch {
      value = null;
    }
    if (value !== null && value !== onlyValue) return;
    // Ciphertexts use a random IV, so match the exact row read: if another instance
    // stored a new token in between, this deletes nothing.
    await this.db.wecomToken.deleteMany({ where: { id: row.id, tokenEnc: row.tokenEnc } });
  }

  async tryAcquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + ttlMs);
    try {
      await this.db.lease.create({ data: { name, owner, lockedUntil } });
      return true;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const taken = await this.db.lease.updateMany({
      where: { name, lockedUntil: { lt: now } },
      data: { owner, lockedUntil },
    });
    return taken.count === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.db.lease.deleteMany({ where: { name, owner } });
  }
}
