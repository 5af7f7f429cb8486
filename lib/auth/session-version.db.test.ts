// A session is valid only while the version it carries is the user's: sign-out, a
// password change or losing the last tenant move the version on, and every request
// (getTenantContext) then refuses the old session, however the cookie was kept.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceProcessDb } from "@/lib/db/client";
import { env } from "@/lib/env.js";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

const session = vi.hoisted(() => ({
  current: null as { user: { id: string }; sessionVersion?: number } | null,
}));
vi.mock("./session.ts", () => ({
  readSession: async () =>
    session.current && {
      userId: session.current.user.id,
      sessionVersion: session.current.sessionVersion,
    },
}));
vi.mock("next/headers", () => ({
  cookies: () => ({ get: () => undefined }),
  headers: () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

let t: TestDatabase;
let userId: string;
let ctxModule: typeof import("./tenant-context");
let versions: typeof import("./session-version");

beforeAll(async () => {
  t = await createTestDatabase();
  replaceProcessDb(t.db);
  ctxModule = await import("./tenant-context");
  versions = await import("./session-version");
  const tenant = await t.db.tenant.create({ data: { name: "Acme", slug: "acme" } });
  const user = await t.db.user.create({
    data: { email: "sam@acme.test", name: "Sam", passwordHash: "x" },
  });
  userId = user.id;
  await t.db.membership.create({ data: { tenantId: tenant.id, userId, role: "booker" } });
});
afterAll(async () => t?.drop());

const asSession = (sessionVersion?: number) => {
  session.current = { user: { id: userId }, sessionVersion };
};

describe(`session versions (${env.TEST_DATABASE_URL ? "postgresql" : "sqlite"})`, () => {
  it("accepts a session of the current version (a token from before versions counts as 0)", async () => {
    asSession(0);
    expect(await ctxModule.getTenantContext()).toMatchObject({ role: "booker" });
    asSession(undefined);
    expect(await ctxModule.getTenantContext()).toMatchObject({ role: "booker" });
  });

  it("refuses a session with an old version once the user signed out", async () => {
    asSession(0);
    expect(await versions.endSessions(t.db, userId, 0)).toBe(true);
    // The same token, kept (a copied cookie): refused everywhere, pages and actions.
    expect(await ctxModule.getTenantContext()).toBeNull();
    expect(await ctxModule.getSessionUser()).toBeNull();
    await expect(ctxModule.requireTenantContext()).rejects.toThrow("redirect /login");
    // Signing out again with the old token changes nothing.
    expect(await versions.endSessions(t.db, userId, 0)).toBe(false);
    // A session issued after it carries the new version.
    asSession(1);
    expect(await ctxModule.getTenantContext()).toMatchObject({ role: "booker" });
  });

  it("sends a person with an initial password to change it, and gives actions no context", async () => {
    await t.db.user.update({ where: { id: userId }, data: { mustChangePassword: true } });
    asSession(1);
    expect(await ctxModule.getTenantContext()).toBeNull();
    expect(await ctxModule.getSessionUser()).toMatchObject({
      mustChangePassword: true,
      hasTenant: true,
    });
    await expect(ctxModule.requireTenantContext()).rejects.toThrow("redirect /change-password");
    await t.db.user.update({ where: { id: userId }, data: { mustChangePassword: false } });
  });

  it("closes a tenant whose owner disabled the person", async () => {
    await t.db.membership.updateMany({ where: { userId }, data: { disabled: true } });
    asSession(1);
    expect(await ctxModule.getTenantContext()).toBeNull();
    expect(await ctxModule.getSessionUser()).toMatchObject({ hasTenant: false });
  });
});
