// The app row a callback URL names, with its Token and EncodingAESKey opened. Kept in
// process memory for a few seconds: a burst of deliveries would otherwise read and open
// the same row once each, on the path WeCom times. An app without keys is never kept (an
// admin saving keys is answered at once), and a signature that fails against kept keys is
// checked again against the row (keys just replaced), so the cache never refuses.
import "server-only";
import { openAppSecret } from "@/lib/crypto/app-secret";
import { db } from "@/lib/db/client";
import type { CallbackKeys } from "@/lib/wecom/callback-crypto";
import { logger } from "@/lib/observability/logger";

const KEEP_MS = 5_000;
const MAX_KEPT = 1_000;

export interface CallbackApp {
  id: string;
  tenantId: string;
  suiteId: string | null;
  corpId: string;
  keys: CallbackKeys | null;
}

const kept = new Map<string, { app: CallbackApp; until: number }>();

async function read(appId: string): Promise<CallbackApp | null> {
  const row = await db.app.findUnique({
    where: { id: appId },
    select: {
      id: true,
      tenantId: true,
      suiteId: true,
      callbackTokenEnc: true,
      callbackAesKeyEnc: true,
      corp: { select: { corpId: true } },
    },
  });
  if (!row) return null;
  let keys: CallbackKeys | null = null;
  if (row.callbackTokenEnc && row.callbackAesKeyEnc) {
    try {
      keys = {
        token: openAppSecret(row, "callbackTokenEnc", row.callbackTokenEnc),
        encodingAesKey: openAppSecret(row, "callbackAesKeyEnc", row.callbackAesKeyEnc),
      };
    } catch {
      logger.warn({ app: row.id }, "the callback keys of an app could not be opened");
    }
  }
  return {
    id: row.id,
    tenantId: row.tenantId,
    suiteId: row.suiteId,
    corpId: row.corp.corpId,
    keys,
  };
}

/** The app, from memory when read in the last seconds (`fresh`: from the database). */
export async function callbackApp(
  appId: string,
  opts: { fresh?: boolean } = {},
): Promise<{ app: CallbackApp; fromMemory: boolean } | null> {
  if (appId.length > 64) return null;
  const hit = kept.get(appId);
  if (!opts.fresh && hit && hit.until > Date.now()) return { app: hit.app, fromMemory: true };
  const app = await read(appId);
  if (!app?.keys) {
    kept.delete(appId);
    return app ? { app, fromMemory: false } : null;
  }
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(appId, { app, until: Date.now() + KEEP_MS });
  return { app, fromMemory: false };
}

/** Tests: forget what is kept. */
export function forgetCallbackApps(): void {
  kept.clear();
}
