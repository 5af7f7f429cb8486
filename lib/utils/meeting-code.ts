/**
 * A meeting code as WeCom's client shows it: groups of three digits ("624 571 066").
 * Anything that is not a plain run of digits is returned as it came.
 */
export function groupMeetingCode(code: string): string {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d+$/.test(digits)) return code;
  return digits.replace(/(\d{3})(?=\d)/g, "$1 ");
}
