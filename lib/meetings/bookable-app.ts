// Which apps may book (product.md: only apps that passed the permission check are
// offered): an active app (neither disabled by an admin nor unauthorised by the corp) of
// an enabled corp, whose last check granted the meeting permission. The booking form's
// app list, booking itself and adopting a meeting all ask this one question.
import "server-only";

export type UnavailableReason = "disabled" | "unauthorised" | "denied" | "unknown";

export interface AppBookability {
  status: "active" | "unauthorised" | "disabled";
  meetingPermission: "granted" | "denied" | "unknown";
  corp: { disabled: boolean };
}

/** What a query selects to answer unavailableReason(). */
export const BOOKABILITY_SELECT = {
  status: true,
  meetingPermission: true,
  corp: { select: { disabled: true } },
} as const;

/** The apps that may book, as a query filter. */
export const BOOKABLE_APP_WHERE = {
  status: "active",
  meetingPermission: "granted",
  corp: { disabled: false },
} as const;

/** Why an app may not book, or null when it may. A disabled corp disables its apps. */
export function unavailableReason(app: AppBookability): UnavailableReason | null {
  if (app.corp.disabled) return "disabled";
  if (app.status !== "active") return app.status;
  return app.meetingPermission === "granted" ? null : app.meetingPermission;
}
