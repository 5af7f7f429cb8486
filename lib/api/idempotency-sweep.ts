// The HTTP API's Idempotency-Key records past their 24 hours (lib/api/idempotency.ts),
// dropped by the background jobs (lib/jobs/scheduler.ts). No imports: the jobs load it.
/** Drops records past their 24 hours (the background jobs call it). */
export async function sweepIdempotency(
  db: { apiIdempotency: { deleteMany(args: object): Promise<{ count: number }> } },
  now = new Date(),
): Promise<number> {
  return (await db.apiIdempotency.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
