import { describe, expect, it } from "vitest";
import { can, canManageMeeting, PERMISSIONS, ROLES, roleSummary } from "./permissions.ts";

describe("role → permission map", () => {
  it("lets the owner do everything", () => {
    for (const p of PERMISSIONS) expect(can("owner", p), p).toBe(true);
  });

  it("keeps user management to the owner", () => {
    expect(ROLES.filter((r) => can(r, "settings:users"))).toEqual(["owner"]);
  });

  it("lets admins manage corps, apps, accounts, the tenant settings and any meeting", () => {
    for (const p of [
      "settings:apps",
      "settings:accounts",
      "settings:tenant",
      "meeting:manage-any",
      "meeting:book",
    ] as const) {
      expect(can("admin", p), p).toBe(true);
    }
  });

  it("lets bookers book and manage only their own meetings", () => {
    expect(can("booker", "meeting:book")).toBe(true);
    expect(can("booker", "meeting:manage-own")).toBe(true);
    expect(can("booker", "meeting:manage-any")).toBe(false);
    expect(can("booker", "settings:apps")).toBe(false);
  });

  it("keeps the tenant settings and API keys to owners and admins", () => {
    expect(ROLES.filter((r) => can(r, "settings:tenant"))).toEqual(["owner", "admin"]);
    expect(ROLES.filter((r) => can(r, "settings:api"))).toEqual(["owner", "admin"]);
  });

  it("summarises each role as the role below it plus what it adds, exactly its permissions", () => {
    expect(roleSummary("viewer")).toEqual({
      includes: null,
      adds: ["meeting:read", "calllog:read"],
    });
    expect(roleSummary("booker")).toEqual({
      includes: "viewer",
      adds: ["meeting:book", "meeting:manage-own"],
    });
    expect(roleSummary("owner")).toEqual({ includes: "admin", adds: ["settings:users"] });
    for (const role of ROLES) {
      const { includes, adds } = roleSummary(role);
      const held = new Set([
        ...(includes ? PERMISSIONS.filter((p) => can(includes, p)) : []),
        ...adds,
      ]);
      expect([...held].sort(), role).toEqual(PERMISSIONS.filter((p) => can(role, p)).sort());
    }
  });

  it("lets viewers read meetings and the call log, nothing else", () => {
    expect(PERMISSIONS.filter((p) => can("viewer", p))).toEqual(["meeting:read", "calllog:read"]);
  });
});

describe("who may edit and cancel a meeting", () => {
  const mine = { createdById: "u-1" };
  const theirs = { createdById: "u-2" };
  const adopted = { createdById: null };

  it("lets owners and admins manage any meeting, booked by anyone or adopted", () => {
    for (const role of ["owner", "admin"] as const)
      for (const m of [mine, theirs, adopted]) expect(canManageMeeting(role, "u-1", m)).toBe(true);
  });

  it("lets a booker manage the meetings they booked, and no other", () => {
    expect(canManageMeeting("booker", "u-1", mine)).toBe(true);
    expect(canManageMeeting("booker", "u-1", theirs)).toBe(false);
    expect(canManageMeeting("booker", "u-1", adopted)).toBe(false);
  });

  it("lets a viewer manage nothing, not even a meeting recorded as theirs", () => {
    for (const m of [mine, theirs, adopted])
      expect(canManageMeeting("viewer", "u-1", m)).toBe(false);
  });

  it("lets a booker key manage what that key booked: not a person's meeting, not another key's", () => {
    const key = { tokenId: "k-1" };
    expect(canManageMeeting("booker", key, { createdById: null, createdByTokenId: "k-1" })).toBe(
      true,
    );
    expect(canManageMeeting("booker", key, { createdById: null, createdByTokenId: "k-2" })).toBe(
      false,
    );
    expect(canManageMeeting("booker", key, mine)).toBe(false);
    expect(canManageMeeting("viewer", key, { createdById: null, createdByTokenId: "k-1" })).toBe(
      false,
    );
    expect(canManageMeeting("admin", key, theirs)).toBe(true);
  });
});
