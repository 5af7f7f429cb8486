// OA accounts named by job number (工号), as OA and ESB flows know people: the HTTP API
// turns them into MeetBridge account ids before calling lib/meetings, which then checks
// them like any id (active, mapped, inside the app's visible range).
import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";

/** The tenant's account id for each job number found (unknown ones are absent). */
export async function accountIdsByJobNumber(
  db: TenantDb,
  jobNumbers: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(jobNumbers.map((j) => j.trim()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db.oaAccount.findMany({
    where: { jobNumber: { in: wanted } },
    select: { id: true, jobNumber: true },
  });
  return new Map(rows.map((r) => [r.jobNumber!, r.id]));
}
