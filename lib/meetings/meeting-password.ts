import "server-only";
import { openSecret } from "@/lib/crypto/secret-box";
import { passwordContext, type StoredSettings } from "./stored-booking";

/**
 * The meeting's password in clear, for a person allowed to manage the meeting (the
 * invitation they copy for colleagues). Null when there is none or it cannot be opened
 * (sealed under an older key).
 */
export function openMeetingPassword(settings: unknown, tenantId: string): string | null {
  const sealed = (settings as Partial<StoredSettings> | null)?.passwordSealed;
  if (!sealed) return null;
  try {
    return openSecret(sealed, passwordContext(tenantId));
  } catch {
    return null;
  }
}
