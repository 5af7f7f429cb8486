// A meeting named in a path: MeetBridge's id, or `wecom:{meetingid}` as the component
// MeetBridge replaces took it. Read through the key's tenant-scoped database, so another
// tenant's meeting is not found, exactly like one that does not exist.
import { canManageMeeting } from "@/lib/auth/permissions";
import type { ApiContext } from "./context";
import { ApiProblem } from "./problem";
import { requirePermission } from "./principal";

const WECOM_PREFIX = "wecom:";

export interface MeetingRef {
  id: string;
  version: number;
  createdById: string | null;
  createdByTokenId: string | null;
}

export async function findMeeting(c: ApiContext, ref: string): Promise<MeetingRef> {
  const db = c.get("principal").db;
  const where = ref.startsWith(WECOM_PREFIX)
    ? { wecomMeetingId: ref.slice(WECOM_PREFIX.length) }
    : { id: ref };
  if (Object.values(where)[0] === "") throw new ApiProblem("not-found");
  const m = await db.meeting.findFirst({
    where,
    select: { id: true, version: true, createdById: true, createdByTokenId: true },
    orderBy: { createdAt: "desc" },
  });
  if (!m) throw new ApiProblem("not-found", { detail: "meetingNotFound" });
  return m;
}

/** The meeting, if the key may edit and cancel it (admin keys any, booker keys their own). */
export async function findManagedMeeting(c: ApiContext, ref: string): Promise<MeetingRef> {
  const p = c.get("principal");
  if (!p.can("meeting:manage-any")) requirePermission(c, "meeting:manage-own");
  const m = await findMeeting(c, ref);
  if (!canManageMeeting(p.role, { tokenId: p.tokenId }, m))
    throw new ApiProblem("forbidden", { detail: "manageForbidden" });
  return m;
}

/** The version an If-Match header names ("3", W/"3", or *), undefined when absent. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) throw new ApiProblem("precondition-failed", { detail: "ifMatchInvalid" });
  return Number(m[1]);
}

export const etagOf = (version: number) => `"${version}"`;
