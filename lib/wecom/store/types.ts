// What the WeCom client needs from storage. Two implementations each: in-memory (tests,
// the bench, a single process) and Prisma (production: shared by every app instance).
import type { TokenKind, WecomOperation } from "../types.ts";

export interface TokenRecord {
  value: string;
  /**
   * When the token must stop being used. Already moved earlier than WeCom's expiry by
   * the refresh margin, so a reader only compares it with now.
   */
  expiresAt: Date;
}

export interface TokenStore {
  get(appId: string, kind: TokenKind): Promise<TokenRecord | null>;
  put(appId: string, kind: TokenKind, record: TokenRecord): Promise<void>;
  /**
   * Drops the token. With `onlyValue`, only while it is still that value: a token that
   * another caller already replaced must survive a late report that the old one failed.
   */
  invalidate(appId: string, kind: TokenKind, onlyValue?: string): Promise<void>;
  /** True when `owner` now holds the lease `name` until now + ttlMs (free or lapsed). */
  tryAcquireLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lease if `owner` still holds it. */
  releaseLease(name: string, owner: string): Promise<void>;
}

/** One HTTP attempt, already redacted. Mirrors the CallLog model. */
export interface CallLogEntry {
  tenantId: string | null;
  appId: string | null;
  meetingId: string | null;
  operation: WecomOperation;
  method: "GET" | "POST";
  url: string;
  requestBody: string | null;
  responseBody: string | null;
  httpStatus: number | null;
  errcode: number | null;
  errmsg: string | null;
  /** Network error or timeout text, when there was no response. */
  error: string | null;
  attempt: number;
  durationMs: number;
  createdAt: Date;
}

export interface CallLogSink {
  write(entry: CallLogEntry): Promise<void>;
}
