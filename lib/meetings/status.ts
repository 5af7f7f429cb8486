import { MEETING_STATUS } from "@/lib/wecom/schemas";

/** A meeting's status in MeetBridge: WeCom's five, and "failed" (a lost booking WeCom refused when resent). */
export type MeetingStatusName =
  "booked" | "in_progress" | "ended" | "cancelled" | "expired" | "failed";

/** get_info's status number as MeetBridge's status (WeCom never says "failed"). */
export function statusOf(wecomStatus: number): Exclude<MeetingStatusName, "failed"> {
  switch (wecomStatus) {
    case MEETING_STATUS.inProgress:
      return "in_progress";
    case MEETING_STATUS.ended:
      return "ended";
    case MEETING_STATUS.cancelled:
      return "cancelled";
    case MEETING_STATUS.expired:
      return "expired";
    default:
      return "booked";
  }
}
