// What the app's last check learned about who it can see (App.visibleRange, written by
// lib/apps/check-app.ts): agent/get's lists, plus the mapped userids that user/get
// refused as outside the range. Client-safe reading of a JSON column.

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

export function outOfRangeUserIds(range: unknown): Set<string> {
  const r = range as Partial<StoredVisibleRange> | null | undefined;
  return new Set([...(r?.outOfRange ?? []), ...(r?.notFound ?? [])]);
}
