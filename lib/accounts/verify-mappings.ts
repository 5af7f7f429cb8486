import "server-only";
import { probeUsers, type ProbeResult } from "@/lib/apps/probe-users";
import type { StoredVisibleRange } from "@/lib/apps/visible-range";
import { wecomClientForApp } from "@/lib/apps/wecom-client";
import { describeWecomError } from "@/lib/wecom";
import { bookableAppsOfCorps } from "@/lib/meetings/app-visibility";
import { msg } from "@/lib/schemas/messages";
import type { AccountActor } from "./types";

// Verifies mappings against WeCom (user/get through the apps of the mapping's corp), one
// batch per call: the browser calls again with the returned cursor and shows the
// progress, so 1,000+ mappings never hold one request open for minutes, and a failure
// resumes where it stopped. Each app sees its own part of the directory, so a member one
// bookable app cannot see is asked about through the next (app-visibility.ts): a mapping
// is out_of_range only when no bookable app of its corp can see the member. Results land
// on each mapping (verifyStatus, verifiedAt, and the app that could see them, else the
// first asked) and, per app, in the app's lists of whom it could not see
// (App.visibleRange): what the booking pickers read (lib/apps/visible-range.ts).

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
  visibleRange: unknown;
}

/**
 * The apps that ask about a corp's members, in order: every app that may book (the
 * ranges that matter for booking), else any one active app.
 */
async function appsByCorp(actor: AccountActor, corpRowIds: string[]) {
  const [bookable, active] = await Promise.all([
    bookableAppsOfCorps(actor.db, corpRowIds),
    actor.db.app.findMany({
      where: { corpRowId: { in: corpRowIds }, status: "active" },
      select: { id: true, name: true, corpRowId: true, visibleRange: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const chosen = new Map<string, VerifyApp[]>();
  for (const corp of corpRowIds) {
    const apps = bookable.get(corp)?.length
      ? bookable.get(corp)!
      : active.filter((a) => a.corpRowId === corp).slice(0, 1);
    chosen.set(
      corp,
      apps.map((a) => ({ id: a.id, name: a.name, visibleRange: a.visibleRange })),
    );
  }
  return chosen;
}

/**
 * Keeps an app's lists of the mapped members it could not see (or WeCom did not know)
 * in step with what user/get just said through it. An app never checked has no lists.
 */
async function recordRange(actor: AccountActor, app: VerifyApp, said: Map<string, ProbeResult>) {
  const r = app.visibleRange as StoredVisibleRange | null;
  if (!r || typeof r !== "object") return;
  const update = (list: string[] | undefined, status: ProbeResult) => {
    const next = new Set(list ?? []);
    for (const [id, s] of said) {
      if (s === status) next.add(id);
      else next.delete(id);
    }
    return [...next];
  };
  const next = {
    ...r,
    outOfRange: update(r.outOfRange, "out_of_range"),
    notFound: update(r.notFound, "not_found"),
  };
  if (
    JSON.stringify(next.outOfRange) === JSON.stringify(r.outOfRange ?? []) &&
    JSON.stringify(next.notFound) === JSON.stringify(r.notFound ?? [])
  )
    return;
  app.visibleRange = next;
  await actor.db.app.update({ where: { id: app.id }, data: { visibleRange: next } });
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
    // What each mapping's verdict is, and through which app: the first app that could
    // see the member (or WeCom said it does not know), else the first app asked.
    const verdicts = new Map<string, { status: ProbeResult; app: VerifyApp }>();
    let pending = mappings;
    for (const app of apps.get(corp) ?? []) {
      if (pending.length === 0) break;
      const found = await wecomClientForApp(actor.db, app.id);
      if (!found) continue;
      let results: Map<string, ProbeResult>;
      try {
        results = await probeUsers(
          found.client,
          pending.map((m) => m.wecomUserId),
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
      await recordRange(actor, app, results);
      for (const m of pending) {
        const status = results.get(m.wecomUserId);
        if (!status) continue;
        if (status !== "out_of_range" || !verdicts.has(m.id)) verdicts.set(m.id, { status, app });
      }
      // Someone this app cannot see may be inside the next one's range.
      pending = pending.filter((m) => results.get(m.wecomUserId) === "out_of_range");
    }
    counts.skipped += mappings.filter((m) => !verdicts.has(m.id)).length;
    const groups = new Map<string, string[]>();
    for (const m of mappings) {
      const v = verdicts.get(m.id);
      if (!v) continue;
      counts[v.status]++;
      const key = `${v.status}\n${v.app.id}`;
      groups.set(key, [...(groups.get(key) ?? []), m.id]);
    }
    for (const [key, ids] of groups) {
      const [status, appId] = key.split("\n") as [ProbeResult, string];
      await actor.db.mapping.updateMany({
        where: { id: { in: ids }, corpRowId: corp },
        data: { verifyStatus: status, verifiedAt: now, verifiedAppId: appId },
      });
    }
    for (const m of mappings) {
      const v = verdicts.get(m.id);
      if (!v || v.status === m.verifyStatus) continue;
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
          verifyStatus: { from: m.verifyStatus, to: v.status },
          app: v.app.name,
        },
        ip: actor.ip ?? null,
        userAgent: actor.userAgent?.slice(0, 300) ?? null,
      });
    }
  }
  if (audit.length) await actor.db.auditEvent.createMany({ data: audit });
  return result(batch.length < (opts.batchSize ?? VERIFY_BATCH), batch.at(-1)!.id);
}
