import "server-only";
import { probeUsers, type ProbeResult } from "@/lib/apps/probe-users";
import { wecomClientForApp } from "@/lib/apps/wecom-client";
import { describeWecomError } from "@/lib/wecom";
import { msg } from "@/lib/schemas/messages";
import type { AccountActor } from "./types";

// Verifies mappings against WeCom (user/get through an app of the mapping's corp), one
// batch per call: the browser calls again with the returned cursor and shows the
// progress, so 1,000+ mappings never hold one request open for minutes, and a failure
// resumes where it stopped. Results land on each mapping (verifyStatus, verifiedAt, the
// app asked) and are what the booking pickers read (lib/apps/visible-range.ts).

export const VERIFY_BATCH = 50;
/** user/get calls in flight at once: well inside WeCom's per-corp limits. */
export const VERIFY_CONCURRENCY = 5;

export interface VerifyBatchResult {
  /** Mappings of the tenant in all (or of the account). */
  total: number;
  /** Mappings looked at in this batch. */
  processed: number;
  counts: Record<ProbeResult | "skipped", number>;
  /** Every mapping has been looked at. */
  done: boolean;
  /** Pass back for the next batch. */
  nextCursor: string | null;
  /** Why the batch stopped early (WeCom refused the app, or no app can ask): translated. */
  error?: string;
}

interface VerifyApp {
  id: string;
  name: string;
}

/**
 * The app that asks about a corp's members: an active app whose last check granted the
 * meeting permission (the range that matters for booking), else any active app.
 */
async function appsByCorp(actor: AccountActor, corpRowIds: string[]) {
  const apps = await actor.db.app.findMany({
    where: { corpRowId: { in: corpRowIds }, status: "active" },
    select: { id: true, name: true, corpRowId: true, meetingPermission: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const chosen = new Map<string, VerifyApp>();
  for (const corp of corpRowIds) {
    const mine = apps.filter((a) => a.corpRowId === corp);
    const app = mine.find((a) => a.meetingPermission === "granted") ?? mine[0];
    if (app) chosen.set(corp, { id: app.id, name: app.name });
  }
  return chosen;
}

export async function verifyMappingsBatch(
  actor: AccountActor,
  opts: {
    cursor?: string | null;
    accountId?: string;
    /** Only mappings created since (an import's new userids, checked right after it). */
    createdSince?: Date;
    batchSize?: number;
    concurrency?: number;
  } = {},
): Promise<VerifyBatchResult> {
  const scope = {
    ...(opts.accountId ? { oaAccountId: opts.accountId } : {}),
    ...(opts.createdSince ? { createdAt: { gte: opts.createdSince } } : {}),
  };
  const [total, batch] = await Promise.all([
    actor.db.mapping.count({ where: scope }),
    actor.db.mapping.findMany({
      where: { ...scope, ...(opts.cursor ? { id: { gt: opts.cursor } } : {}) },
      orderBy: { id: "asc" },
      take: opts.batchSize ?? VERIFY_BATCH,
      select: {
        id: true,
        corpRowId: true,
        oaAccountId: true,
        wecomUserId: true,
        verifyStatus: true,
      },
    }),
  ]);
  const counts = { ok: 0, not_found: 0, out_of_range: 0, skipped: 0 };
  const cursor = opts.cursor ?? null;
  const result = (done: boolean, nextCursor: string | null, error?: string): VerifyBatchResult => ({
    total,
    processed: error ? 0 : batch.length,
    counts,
    done,
    nextCursor,
    ...(error ? { error } : {}),
  });
  if (batch.length === 0) return result(true, cursor);

  const corps = [...new Set(batch.map((m) => m.corpRowId))];
  const [apps, corpRows] = await Promise.all([
    appsByCorp(actor, corps),
    actor.db.corp.findMany({ where: { id: { in: corps } }, select: { id: true, name: true } }),
  ]);
  const now = new Date();
  const audit = [];
  for (const corp of corps) {
    const mappings = batch.filter((m) => m.corpRowId === corp);
    const app = apps.get(corp);
    if (!app) {
      counts.skipped += mappings.length;
      continue;
    }
    const found = await wecomClientForApp(actor.db, app.id);
    if (!found) {
      counts.skipped += mappings.length;
      continue;
    }
    let results: Map<string, ProbeResult>;
    try {
      results = await probeUsers(
        found.client,
        mappings.map((m) => m.wecomUserId),
        opts.concurrency ?? VERIFY_CONCURRENCY,
      );
    } catch (err) {
      // The app itself was refused (credentials, authorisation, IP, limits): say so and
      // let the person retry this batch.
      const text = describeWecomError(err, actor.locale, {
        appName: found.app.name,
        appKind: found.app.kind,
      });
      return result(false, cursor, msg("wecom", { text }));
    }
    for (const status of ["ok", "not_found", "out_of_range"] as const) {
      const ids = mappings.filter((m) => results.get(m.wecomUserId) === status).map((m) => m.id);
      counts[status] += ids.length;
      if (ids.length)
        await actor.db.mapping.updateMany({
          where: { id: { in: ids }, corpRowId: corp },
          data: { verifyStatus: status, verifiedAt: now, verifiedAppId: app.id },
        });
    }
    for (const m of mappings) {
      const to = results.get(m.wecomUserId);
      if (!to || to === m.verifyStatus) continue;
      audit.push({
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        source: actor.source,
        action: "mapping.verify",
        objectType: "mapping",
        objectId: m.oaAccountId,
        diff: {
          corp: { id: corp, name: corpRows.find((c) => c.id === corp)?.name ?? "" },
          wecomUserId: m.wecomUserId,
          verifyStatus: { from: m.verifyStatus, to },
          app: app.name,
        },
        ip: actor.ip ?? null,
        userAgent: actor.userAgent?.slice(0, 300) ?? null,
      });
    }
  }
  if (audit.length) await actor.db.auditEvent.createMany({ data: audit });
  return result(batch.length < (opts.batchSize ?? VERIFY_BATCH), batch.at(-1)!.id);
}
