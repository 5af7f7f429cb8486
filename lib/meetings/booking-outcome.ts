// A booking's outcome as the operator counts it (meetbridge_bookings_total): booked,
// refused (the form's rules or WeCom said no; nothing booked), needs_reconciliation (the
// WeCom answer was lost), replayed (a retry answered with the first outcome), failed
// (an error MeetBridge did not expect).
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import type { BookResult } from "./types";

export type BookingOutcome = "booked" | "refused" | "needs_reconciliation" | "replayed" | "failed";

export function bookingOutcome(result: BookResult): BookingOutcome {
  if (!result.ok) return "refused";
  if (result.replayed) return "replayed";
  return result.needsReconciliation ? "needs_reconciliation" : "booked";
}

export async function countBooking(booking: Promise<BookResult>): Promise<BookResult> {
  try {
    const result = await booking;
    const outcome = bookingOutcome(result);
    metrics.bookings.inc({ outcome });
    logger.info({ outcome, meetingId: result.meetingId }, "booking");
    return result;
  } catch (err) {
    metrics.bookings.inc({ outcome: "failed" });
    throw err;
  }
}
