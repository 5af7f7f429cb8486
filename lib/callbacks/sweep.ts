// The safety net under after(): events no instance processed (the process died after
// answering, or a deploy cut the work short) are processed by the jobs tick, each claimed
// like the first attempt so that two sweeping instances process it once. Nonces older
// than the timestamp window are dropped: a request that old is refused as stale anyway.
import "server-only";
import { db } from "@/lib/db/client";
import { CALLBACK_MAX_SKEW_SEC } from "@/lib/wecom/callback-crypto";
import { processCallbackEvent, PROCESSING } from "./process-event";

/** Left to after() this long before the sweep steps in. */
const UNCLAIMED_AFTER_MS = 15_000;
/** A claim older than this belongs to an instance that died (processing takes seconds). */
const STALE_CLAIM_MS = 5 * 60_000;
const BATCH = 200;

export interface SweepTally {
  processed: number;
  reclaimed: number;
  noncesDropped: number;
}

export async function sweepCallbacks(now = new Date()): Promise<SweepTally> {
  const tally: SweepTally = { processed: 0, reclaimed: 0, noncesDropped: 0 };
  const unclaimed = await db.callbackEvent.findMany({
    where: { processedAt: null, receivedAt: { lt: new Date(now.getTime() - UNCLAIMED_AFTER_MS) } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: BATCH,
  });
  for (const e of unclaimed) if (await processCallbackEvent(e.id)) tally.processed++;

  const stale = await db.callbackEvent.findMany({
    where: { outcome: PROCESSING, processedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    select: { id: true, processedAt: true },
    take: BATCH,
  });
  for (const e of stale)
    if (await processCallbackEvent(e.id, { staleClaim: e.processedAt! })) tally.reclaimed++;

  const dropped = await db.callbackNonce.deleteMany({
    where: { seenAt: { lt: new Date(now.getTime() - 2 * CALLBACK_MAX_SKEW_SEC * 1000) } },
  });
  tally.noncesDropped = dropped.count;
  return tally;
}
