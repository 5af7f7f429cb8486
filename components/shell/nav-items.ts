import { CalendarDays, DoorOpen, ScrollText, Settings, Video, type LucideIcon } from "lucide-react";
import { canOpenSettings, type Role } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  key: "meetings" | "calendar" | "rooms" | "settings" | "logs";
  icon: LucideIcon;
  /** Path prefixes that keep this item highlighted; the longest match wins. */
  match: string[];
  /** Shown only to the roles that can use what it leads to (all roles when unset). */
  shownTo?: (role: Role) => boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/meetings", key: "meetings", icon: Video, match: ["/meetings"] },
  {
    href: "/meetings/calendar",
    key: "calendar",
    icon: CalendarDays,
    match: ["/meetings/calendar"],
  },
  { href: "/rooms", key: "rooms", icon: DoorOpen, match: ["/rooms"] },
  {
    href: "/settings",
    key: "settings",
    icon: Settings,
    match: ["/settings"],
    shownTo: canOpenSettings,
  },
  { href: "/logs", key: "logs", icon: ScrollText, match: ["/logs"] },
];

/** The nav item a path belongs to: the one with the longest matching prefix. */
export function activeNavKey(pathname: string): NavItem["key"] | undefined {
  let best: { key: NavItem["key"]; length: number } | undefined;
  for (const item of NAV_ITEMS) {
    for (const prefix of item.match) {
      const hit = pathname === prefix || pathname.startsWith(`${prefix}/`);
      if (hit && (!best || prefix.length > best.length))
        best = { key: item.key, length: prefix.length };
    }
  }
  return best?.key;
}
