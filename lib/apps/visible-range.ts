// What the app's last check learned about who it can see (App.visibleRange, written by
// lib/apps/check-app.ts): agent/get's lists, plus the mapped userids that user/get
// refused as outside the range. Together with each mapping's last verification
// (Mapping.verifyStatus, lib/accounts/verify-mappings.ts) it decides who the booking
// pickers offer: bookingBlock() is that one rule. Client-safe reading of a JSON column.

export type StoredVisibleRange = {
  users: string[];
  parties: number[];
  tags: number[];
  closed: boolean;
  /** Mapped userids the app could not see at the last check (user/get 60011). */
  outOfRange?: string[];
  /** Mapped userids WeCom did not know at the last check (user/get 60111). */
  notFound?: string[];
};

/** Why a mapped member cannot be booked through an app: WeCom would refuse them. */
export type BookingBlock = "out_of_range" | "not_found";

export interface BookingAppFacts {
  id: string;
  visibleRange: unknown;
  /** When the app's last check (and its visibleRange) was made. */
  permissionCheckedAt: Date | null;
}

export interface MappingFacts {
  wecomUserId: string;
  verifyStatus: string | null;
  verifiedAt: Date | null;
  verifiedAppId: string | null;
}

/**
 * Whether WeCom is known to refuse this mapped member when booking through `app`. The
 * newer of two observations decides: the app's last check (the mapped members it could
 * not see, or WeCom did not know) or the mapping's last verification. A verification
 * speaks for the app it went through as to the visible range, and for the whole corp as
 * to whether the userid exists.
 */
export function bookingBlock(app: BookingAppFacts, m: MappingFacts): BookingBlock | undefined {
  const r = app.visibleRange as Partial<StoredVisibleRange> | null | undefined;
  const checked = app.permissionCheckedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const verifyIsNewer = Boolean(
    m.verifyStatus && m.verifiedAt && m.verifiedAt.getTime() >= checked,
  );
  if (verifyIsNewer) {
    if (m.verifyStatus === "not_found") return "not_found";
    if (m.verifiedAppId === app.id)
      return m.verifyStatus === "out_of_range" ? "out_of_range" : undefined;
    // Verified through another app of the corp: the userid exists; this app's range is
    // what its own check said, or the verification's own question through it (which
    // keeps the app's lists: lib/accounts/verify-mappings.ts).
    return r?.outOfRange?.includes(m.wecomUserId) ? "out_of_range" : undefined;
  }
  if (r?.notFound?.includes(m.wecomUserId)) return "not_found";
  if (r?.outOfRange?.includes(m.wecomUserId)) return "out_of_range";
  return undefined;
}
