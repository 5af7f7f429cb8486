// The calendar (/meetings/calendar) and adopting meetings booked elsewhere
// (/meetings/adopt): the demo's weekly series on consecutive weeks, a meeting created
// directly in WeCom (the simulator) adopted by its meetingid, and "discover" listing a
// member's meetings MeetBridge does not know.
import { expect, type APIRequestContext } from "@playwright/test";
import createClient from "openapi-fetch";
import type { paths } from "../lib/api/client/schema";
import { readApiKeys } from "./api-keys";
import { ASSISTANT, SIM, runTag, shanghai, signedIn as test } from "./fixtures";

interface Seed {
  apps: { agentId: number; corpId: string; secret?: string }[];
}

/** The booking app's access token, as any WeCom client gets it. */
async function assistantToken(request: APIRequestContext): Promise<string> {
  const seed = (await (await request.get(`${SIM}/__sim/seed`)).json()) as Seed;
  const app = seed.apps.find((a) => a.agentId === 1000002)!;
  const res = await request.get(`${SIM}/cgi-bin/gettoken`, {
    params: { corpid: app.corpId, corpsecret: app.secret! },
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A meeting booked in WeCom through the app, not through MeetBridge; its meetingid. */
async function bookedInWecom(
  request: APIRequestContext,
  body: { admin_userid: string; title: string; meeting_start: number },
): Promise<string> {
  const token = await assistantToken(request);
  const res = await request.post(`${SIM}/cgi-bin/meeting/create`, {
    params: { access_token: token },
    data: { meeting_duration: 1800, invitees: { userid: [] }, ...body },
  });
  const reply = (await res.json()) as { errcode: number; meetingid?: string };
  expect(reply.errcode, JSON.stringify(reply)).toBe(0);
  return reply.meetingid!;
}

test("the week view shows the weekly series on consecutive weeks, and an entry opens the meeting", async ({
  page,
}) => {
  // The demo books 研发部周例会 on the coming Monday at 10:00 (prisma/seed/demo-meetings.ts).
  const weekday = new Date(Date.now() + 8 * 3600_000).getUTCDay();
  const monday = shanghai((8 - weekday) % 7 || 7, 10);
  const nextMonday = shanghai(((8 - weekday) % 7 || 7) + 7, 10);

  await page.goto(`/meetings/calendar?view=week&date=${monday.date}`);
  await expect(page.getByTestId("calendar-time-zone")).toContainText("Asia/Shanghai");
  const entry = (day: string) =>
    page
      .locator(`section[data-day="${day}"]`)
      .getByTestId("calendar-entry")
      .filter({ hasText: "研发部周例会" });
  await expect(entry(monday.date)).toHaveCount(1);
  await expect(entry(monday.date)).toContainText("10:00");

  await page.getByRole("link", { name: "下一周" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${nextMonday.date}`));
  await expect(entry(nextMonday.date)).toHaveCount(1);

  // The month view holds it too, once a week.
  await page.getByRole("link", { name: "月", exact: true }).click();
  await expect(page.getByTestId("calendar-month")).toBeVisible();
  await expect(entry(nextMonday.date)).toHaveCount(1);

  await entry(nextMonday.date).click();
  await expect(page).toHaveURL(/\/meetings\/(?!calendar)[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("研发部周例会");
});

/** Books a meeting through 会议助手 by the HTTP API, as an OA flow would. */
async function bookedByApi(
  key: string,
  o: { title: string; start: string; adminJobNumber: string },
) {
  const api = createClient<paths>({
    baseUrl: `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3101}`,
    headers: { authorization: `Bearer ${readApiKeys().admin}` },
  });
  const apps = await api.GET("/api/v1/apps");
  const app = apps.data!.items.find((a) => a.bookable && a.name === "会议助手")!;
  const booked = await api.POST("/api/v1/meetings", {
    params: { header: { "idempotency-key": `e2e-week-grid-${key}` } },
    body: { appId: app.id, durationMin: 60, ...o },
  });
  expect(booked.response.status, JSON.stringify(booked.error)).toBe(201);
}

test.describe("on a 1366×768 screen", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the week view is a time grid: a meeting at its hour, as tall as it lasts, overlaps side by side", async ({
    page,
  }) => {
    const tag = runTag();
    const first = { title: `周视图甲 ${tag}`, start: shanghai(5, 16) };
    const second = { title: `周视图乙 ${tag}`, start: shanghai(5, 16, 30) };
    await bookedByApi(`${tag}-a`, {
      title: first.title,
      start: first.start.wall,
      adminJobNumber: "E1002",
    });
    await bookedByApi(`${tag}-b`, {
      title: second.title,
      start: second.start.wall,
      adminJobNumber: "E1003",
    });

    await page.goto(`/meetings/calendar?view=week&date=${first.start.date}`);
    const grid = page.getByTestId("calendar-week");
    const day = grid.locator(`section[data-day="${first.start.date}"]`);
    const a = day.getByRole("link", { name: new RegExp(first.title) });
    const b = day.getByRole("link", { name: new RegExp(second.title) });
    await expect(a).toContainText("16:00–17:00");
    await expect(b).toContainText("16:30–17:30");

    // The hours run down the grid; each meeting starts at its hour's line.
    const box = async (l: ReturnType<typeof grid.getByText>) => (await l.boundingBox())!;
    const four = await box(grid.getByText("16:00", { exact: true }));
    const five = await box(grid.getByText("17:00", { exact: true }));
    const hour = five.y - four.y;
    expect(hour).toBeGreaterThan(30);
    const [boxA, boxB, boxDay] = [await box(a), await box(b), await box(day)];
    expect(Math.abs(boxA.y - four.y)).toBeLessThanOrEqual(4);
    expect(Math.abs(boxA.height - hour)).toBeLessThanOrEqual(4);
    expect(Math.abs(boxB.y - boxA.y - hour / 2)).toBeLessThanOrEqual(4);
    // Overlapping, they share the day's width side by side instead of covering each other.
    expect(boxA.x + boxA.width).toBeLessThanOrEqual(boxB.x + 1);
    expect(boxA.width + boxB.width).toBeLessThanOrEqual(boxDay.width);
  });
});

test("a meeting created in WeCom is adopted by its meetingid, then MeetBridge lists it", async ({
  page,
  request,
}) => {
  const title = `企微直接预约 ${runTag()}`;
  const start = shanghai(4, 16, 30);
  const meetingId = await bookedInWecom(request, {
    admin_userid: "lihua",
    title,
    meeting_start: start.unix,
  });

  await page.goto("/meetings/adopt");
  const form = page.getByRole("form", { name: "接管已有会议" });
  // A meetingid WeCom does not know: told at the field.
  await form.getByLabel("应用").selectOption({ label: ASSISTANT });
  await form.getByLabel("会议 ID（meetingid）").fill("no-such-meeting");
  await form.getByRole("button", { name: "接管" }).click();
  await expect(page.locator("#adopt-meeting-id-error")).toContainText("no-such-meeting");
  await expect(form.getByLabel("会议 ID（meetingid）")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("会议 ID（meetingid）").fill(meetingId);
  await form.getByRole("button", { name: "接管" }).click();
  await page.waitForURL((u) => /^\/meetings\/(?!adopt$)[^/]+$/.test(u.pathname));
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.goto(`/meetings?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto(`/meetings/calendar?view=week&date=${start.date}`);
  await expect(
    page
      .locator(`section[data-day="${start.date}"]`)
      .getByRole("link", { name: new RegExp(title) }),
  ).toHaveAttribute("href", `/meetings/${id}`);

  // Adopting it again answers with the meeting MeetBridge already has.
  await page.goto("/meetings/adopt");
  await form.getByLabel("应用").selectOption({ label: ASSISTANT });
  await form.getByLabel("会议 ID（meetingid）").fill(meetingId);
  await form.getByRole("button", { name: "接管" }).click();
  const known = page.getByTestId("adopt-known");
  await expect(known).toContainText("MeetBridge 已在管理这场会议");
  await expect(known.getByRole("link", { name: "查看会议" })).toHaveAttribute(
    "href",
    `/meetings/${id}`,
  );
});

test("discover lists a member's meetings MeetBridge does not know, and adopts one", async ({
  page,
  request,
}) => {
  const title = `成员自己预约 ${runTag()}`;
  await bookedInWecom(request, {
    admin_userid: "zhaolei",
    title,
    meeting_start: shanghai(5, 11).unix,
  });

  await page.goto("/meetings/adopt");
  const discover = page.getByRole("region", { name: "发现会议" });
  await discover.getByLabel("应用").selectOption({ label: ASSISTANT });
  const member = discover.getByLabel("成员");
  const value = await member.locator("option", { hasText: "赵磊" }).getAttribute("value");
  await member.selectOption(value!);
  await discover.getByRole("button", { name: "查找" }).click();

  const row = discover.getByTestId("discover-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("赵磊");
  // The demo's series (赵磊 is invited to 研发部周例会) is MeetBridge's already: not listed.
  await expect(
    discover.getByTestId("discover-row").filter({ hasText: "研发部周例会" }),
  ).toHaveCount(0);

  await row.getByRole("button", { name: `接管 ${title}` }).click();
  await page.waitForURL((u) => /^\/meetings\/(?!adopt$)[^/]+$/.test(u.pathname));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});
