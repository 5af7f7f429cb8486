// People named by OA job number in an API body become account ids before lib/meetings
// sees the values; unknown job numbers are field errors at their place in the body. The
// domain's own field errors point at the field the caller used (ids or job numbers).
import { accountIdsByJobNumber } from "@/lib/accounts/by-job-number";
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { BookingField } from "@/lib/meetings/types";
import { msg } from "@/lib/schemas/messages";
import { ApiProblem, type FieldProblem } from "./problem";

const JOB_FIELDS = {
  adminJobNumber: "adminId",
  inviteeJobNumbers: "inviteeIds",
  hostJobNumbers: "hostIds",
  ringJobNumbers: "ringIds",
} as const;
type JobField = keyof typeof JOB_FIELDS;

export type WithJobNumbers = Partial<Record<JobField, string | string[]>> &
  Partial<Record<"adminId", string> & Record<"inviteeIds" | "hostIds" | "ringIds", string[]>>;

/**
 * The id fields with the job numbers' accounts in them (a list given both ways is the
 * union); only the fields the body names are returned. 422 for unknown job numbers.
 */
export async function resolveJobNumbers(
  db: TenantDb,
  body: WithJobNumbers,
): Promise<
  Partial<Record<"adminId", string> & Record<"inviteeIds" | "hostIds" | "ringIds", string[]>>
> {
  const all = Object.keys(JOB_FIELDS).flatMap((f) => {
    const v = body[f as JobField];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  });
  const ids = await accountIdsByJobNumber(db, all);
  const errors: FieldProblem[] = [];
  const out: Record<string, string | string[]> = {};
  for (const [jobField, idField] of Object.entries(JOB_FIELDS) as [JobField, string][]) {
    const v = body[jobField];
    if (v === undefined) continue;
    const list = Array.isArray(v) ? v : [v];
    const found = list.map((j, i) => {
      const id = ids.get(j.trim());
      if (!id)
        errors.push({
          pointer: Array.isArray(v) ? `/${jobField}/${i}` : `/${jobField}`,
          message: msg("jobNumberNotFound", { jobNumber: j }),
        });
      return id ?? "";
    });
    if (idField === "adminId") out.adminId = found[0]!;
    else
      out[idField] = [
        ...new Set([...((body[idField as "inviteeIds"] as string[]) ?? []), ...found]),
      ];
  }
  if (errors.length) throw new ApiProblem("validation", { errors });
  return out;
}

/** Where a domain field error points: the job-number field when only that was used. */
export function pointerOf(field: BookingField, body: WithJobNumbers): string {
  const job = (Object.keys(JOB_FIELDS) as JobField[]).find((j) => JOB_FIELDS[j] === field);
  if (job && body[job] !== undefined && body[field as "adminId"] === undefined) return `/${job}`;
  return `/${field}`;
}
