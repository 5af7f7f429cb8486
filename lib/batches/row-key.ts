// A batch row's booking key (the Meeting's idempotencyKey, decision 004): from the
// external reference when the row has one (the OA's own id: one meeting per id in the
// tenant), else from what makes a meeting the same one (app, admin, title, start), the
// facts a reconcile matches on. So uploading the file again, or resuming after a crash,
// finds the meeting instead of booking it twice (decision 020).
import "server-only";
import { createHash } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 40);

export function rowKey(
  v: { appId: unknown; adminId: unknown; title: unknown; start: unknown },
  externalRef: string | null,
): string {
  if (externalRef) return `batch-ref-${digest(externalRef)}`;
  return `batch-row-${digest(JSON.stringify([v.appId, v.adminId, String(v.title).trim(), v.start]))}`;
}
