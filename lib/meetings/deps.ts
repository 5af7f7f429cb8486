// What the meeting domain reaches outside itself for, so tests can hold the clock or
// stop the process at the worst moment (between WeCom's answer and the final write).
import "server-only";
import {
  wecomClientForApp,
  wecomClientOfRow,
  type AppCredentialsRow,
} from "@/lib/apps/wecom-client";
import { env } from "@/lib/env.js";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { WecomClient } from "@/lib/wecom";

export interface MeetingDeps {
  /**
   * The client of one of the tenant's apps. `read`: the app as the caller already read it
   * (with its credentials, through the same tenant's db), so it is not read again.
   */
  clientFor(db: TenantDb, appId: string, read?: AppCredentialsRow): Promise<WecomClient>;
  nowSec?: () => number;
  /** Tests only: runs after WeCom accepted a create and before MeetBridge records it. */
  afterCreate?: (meetingId: string) => Promise<void>;
  /** How old a pending booking must be before the sweep treats its answer as lost. */
  graceMs?: number;
}

export const meetingDeps: MeetingDeps = {
  async clientFor(db, appId, read) {
    if (read?.appId === appId) return wecomClientOfRow(read);
    const found = await wecomClientForApp(db, appId);
    if (!found) throw new Error(`app ${appId} is not the tenant's`);
    return found.client;
  },
};

/**
 * How long before a booking whose answer is missing may be booked again. Never shorter
 * than a create can still be under way (the HTTP timeout, with room for WeCom's
 * retriable refusals and their back-off), whatever MEETBRIDGE_RECONCILE_GRACE_SECONDS says.
 */
export function reconcileGraceMs(deps: MeetingDeps): number {
  if (deps.graceMs !== undefined) return deps.graceMs;
  return Math.max(env.MEETBRIDGE_RECONCILE_GRACE_SECONDS * 1000, 4 * env.WECOM_HTTP_TIMEOUT_MS);
}
