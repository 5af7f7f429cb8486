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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["meeting:read", "calllog:read"];
const BOOK: Permission[] = [...READ, "meeting:book", "meeting:manage-own"];
const ADMIN: Permission[] = [...BOOK, "meeting:manage-any", "settings:apps", "settings:accounts"];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set([...ADMIN, "settings:users"]),
  admin: new Set(ADMIN),
  booker: new Set(BOOK),
  viewer: new Set(READ),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
