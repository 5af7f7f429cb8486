// The reason a person gives when cancelling meetings: free text for the audit trail
// (WeCom's meeting/cancel takes none). Client-safe, so the dialog can cap its input.

export const CANCEL_REASON_MAX = 200;

/** Trimmed and cut to CANCEL_REASON_MAX characters; undefined when there is none. */
export function normaliseCancelReason(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const text = [...raw.trim()].slice(0, CANCEL_REASON_MAX).join("").trim();
  return text === "" ? undefined : text;
}
