// The one role → permission map (product.md "Users and roles"). Client-safe: the UI
// uses it to hide what a role may not do; the server checks it on every action.
export const ROLES = ["owner", "admin", "booker", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "meeting:read",
  "meeting:book",
  /** edit and cancel meetings the user booked */
  "meeting:manage-own",
  /** edit and cancel any meeting of the tenant */
  "meeting:manage-any",
  "calllog:read",
  "settings:apps",
  "settings:accounts",
  "settings:users",
  /** the tenant's name and time zone */
  "settings:tenant",
  /** API keys for OA and ESB flows */
  "settings:api",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["meeting:read", "calllog:read"];
const BOOK: Permission[] = [...READ, "meeting:book", "meeting:manage-own"];
const ADMIN: Permission[] = [
  ...BOOK,
  "meeting:manage-any",
  "settings:apps",
  "settings:accounts",
  "settings:tenant",
  "settings:api",
];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set([...ADMIN, "settings:users"]),
  admin: new Set(ADMIN),
  booker: new Set(BOOK),
  viewer: new Set(READ),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** The roles that hold a permission, highest first: a refusal names who may. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => GRANTS[role].has(permission));
}

/**
 * What a role may do, for the people choosing one: the next role down whose permissions
 * it holds all of (if any), and what it adds to them, in PERMISSIONS order. Read from the
 * same map the server checks, so the words cannot drift from the rules.
 */
export function roleSummary(role: Role): { includes: Role | null; adds: Permission[] } {
  const grants = GRANTS[role];
  const includes =
    ROLES.slice(ROLES.indexOf(role) + 1).find((lower) =>
      [...GRANTS[lower]].every((p) => grants.has(p)),
    ) ?? null;
  const base = includes ? GRANTS[includes] : new Set<Permission>();
  return { includes, adds: PERMISSIONS.filter((p) => grants.has(p) && !base.has(p)) };
}

/** Whether a role may open at least one settings page (else the nav hides 设置). */
export function canOpenSettings(role: Role): boolean {
  return [...GRANTS[role]].some((p) => p.startsWith("settings:"));
}

/** Who asks to manage a meeting: a signed-in person (their user id) or an API key. */
export type MeetingManager = string | { tokenId: string };

/**
 * Whether a person or an API key may edit and cancel a meeting: admins and owners (and
 * admin keys) any meeting of the tenant, bookers the meetings they booked (a booker key
 * those it booked), viewers none. A meeting nobody booked in MeetBridge (adopted, or its
 * booker's account deleted) is for admins only.
 */
export function canManageMeeting(
  role: Role,
  who: MeetingManager,
  meeting: { createdById: string | null; createdByTokenId?: string | null },
): boolean {
  if (can(role, "meeting:manage-any")) return true;
  if (!can(role, "meeting:manage-own")) return false;
  if (typeof who === "string") return meeting.createdById !== null && meeting.createdById === who;
  return meeting.createdByTokenId != null && meeting.createdByTokenId === who.tokenId;
}
