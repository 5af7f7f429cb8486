// The edit and cancel actions as the pages call them: the session, the tenant and the
// role come from getTenantContext (stubbed here with a real scoped database), then the
// domain runs against the simulator. What is checked is the authorise step and the
// translated answer; the domain's own behaviour is in lib/meetings/*.db.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant-context";
import type { Role } from "@/lib/auth/permissions";
import { startMeetingHarness, type MeetingHarness } from "@/lib/testing/meeting-harness";

const session = vi.hoisted(() => ({ ctx: null as TenantContext | null }));

vi.mock("@/lib/auth/tenant-context", () => ({ getTenantContext: () => session.ctx }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: () => new Headers({ "user-agent": "vitest" }) }));
vi.mock("next-intl/server", () => ({
  getLocale: () => "zh-CN",
  // The key and its parameters, so a test reads which message was chosen.
  getTranslations: () => (key: string, params?: object) =>
    params && Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key,
}));

let h: MeetingHarness;
let actions: {
  update: typeof import("./update-meeting");
  cancel: typeof import("./cancel-meeting");
};

beforeAll(async () => {
  h = await startMeetingHarness();
  actions = { update: await import("./update-meeting"), cancel: await import("./cancel-meeting") };
});
afterAll(async () => {
  await h?.close();
});

async function signIn(role: Role, userId = h.ownerId, tenantId = h.tenant.id) {
  const { scopeToTenant } = await import("@/lib/db/tenant-scope");
  const { can } = await import("@/lib/auth/permissions");
  session.ctx = {
    user: { id: userId, name: "someone", email: "someone@meetings.test" },
    tenant: { id: tenantId, name: "t", slug: "t", timeZone: h.tenant.timeZone },
    role,
    memberships: [],
    db: scopeToTenant(h.db, tenantId),
    can: (p) => can(role, p),
  };
}

async function book(name: string) {
  const v = h.booking(name);
  const result = await h.meetings.bookMeeting(h.actor(), v);
  if (!result.ok) throw new Error(`booking ${name} failed`);
  return { id: result.meetingId, v };
}

describe("editing through the action", () => {
  it("saves for the booker who booked it, translated and typed", async () => {
    const m = await book("动作修改");
    await signIn("booker");
    const result = await actions.update.updateMeetingAction(
      m.id,
      { ...m.v, title: `${m.v.title} 改` },
      1,
    );
    // No room was asked for, so none was touched (room: null).
    expect(result).toEqual({
      ok: true,
      meetingId: m.id,
      version: 2,
      changed: ["title"],
      room: null,
    });
  });

  it("refuses a booker another person's meeting, and a viewer any", async () => {
    const m = await book("动作他人会议");
    await signIn("booker", "someone-else");
    expect(await actions.update.updateMeetingAction(m.id, m.v, 1)).toMatchObject({
      ok: false,
      error: "forbidden",
      formError: "manageForbidden",
    });
    await signIn("viewer");
    expect(await actions.cancel.cancelMeetingAction(m.id, "")).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("booked");
  });

  it("finds nothing of another tenant", async () => {
    const m = await book("动作他租户");
    const other = await h.db.tenant.create({
      data: { name: "其他租户", slug: `other-${Date.now()}` },
    });
    await signIn("owner", h.ownerId, other.id);
    expect(await actions.update.updateMeetingAction(m.id, m.v, 1)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await actions.cancel.cancelMeetingsAction([m.id], "")).toMatchObject({
      ok: true,
      results: [{ meetingId: m.id, result: { ok: false, error: "not_found" } }],
    });
  });

  it("translates field errors and a conflict", async () => {
    const m = await book("动作翻译");
    await signIn("admin");
    const invalid = await actions.update.updateMeetingAction(m.id, { ...m.v, title: "" }, 1);
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { title: "required" } });
    const stale = await actions.update.updateMeetingAction(m.id, m.v, 7);
    expect(stale).toMatchObject({ ok: false, conflict: true, formError: "editConflict" });
  });
});

describe("cancelling through the actions", () => {
  it("cancels one with a reason", async () => {
    const m = await book("动作取消");
    await signIn("admin");
    expect(await actions.cancel.cancelMeetingAction(m.id, " 不开了 ")).toEqual({
      ok: true,
      reconciled: false,
    });
    const audit = await h.db.auditEvent.findFirst({
      where: { objectId: m.id, action: "meeting.cancel" },
    });
    expect(audit?.diff).toMatchObject({ reason: "不开了" });
  });

  it("refuses a bulk cancel of more than 200 meetings, or of something not a list", async () => {
    await signIn("admin");
    const ids = Array.from({ length: 201 }, (_, i) => `m-${i}`);
    expect(await actions.cancel.cancelMeetingsAction(ids, "")).toEqual({
      ok: false,
      error: "invalid",
      formError: 'tooManyMeetings {"max":200}',
    });
    expect(await actions.cancel.cancelMeetingsAction("m-1", "")).toMatchObject({
      ok: false,
      error: "invalid",
    });
  });
});
