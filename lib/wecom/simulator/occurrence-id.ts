// The sub_meetingid of one occurrence of a series (wecom-meeting-api.md, meeting/cancel and
// get_info, advanced pages 98153/98149). WeCom's ids are opaque strings; the simulator
// derives them from the series and the occurrence's start, so the same occurrence keeps its
// id across restarts and a persisted state file, and no two series share one.
import { createHash } from "node:crypto";

export function subMeetingId(meetingid: string, start: number): string {
  const digest = createHash("sha256").update(`${meetingid}:${start}`).digest();
  // 15 decimal digits: numeric like WeCom's, and safely below 2^53 in JSON.
  return String(digest.readBigUInt64BE(0) % 1_000_000_000_000_000n).padStart(15, "0");
}

/** The id of the recurrence rules in force (sub_repeat_list[].repeat_id): changes with them. */
export function repeatId(meetingid: string, rules: unknown): string {
  const digest = createHash("sha256")
    .update(`${meetingid}:${JSON.stringify(rules)}`)
    .digest();
  return String(digest.readBigUInt64BE(0) % 1_000_000_000_000n).padStart(12, "0");
}
