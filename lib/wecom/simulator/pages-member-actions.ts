// The member page's own controls: the meeting's administrator changes its title, start or
// duration, or cancels it, as in the WeCom client. The forms post to
// /__sim/members/:userid/meetings/:meetingid, which goes through applyClientChange (the
// code behind POST /__sim/meetings/:meetingid) and so calls back the app that created it.
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { applyClientChange, clientChangeSchema, type ClientChange } from "./client-change.js";
import { meetingStatus, STATUS } from "./meeting-view.js";
import type { SimEnv } from "./operation.js";
import type { SimMeeting, SimState } from "./state.js";

/** The member pages show Asia/Shanghai, which has no daylight saving: UTC+8 all year. */
const OFFSET_SEC = 8 * 3600;

const toLocalInput = (unix: number) =>
  new Date((unix + OFFSET_SEC) * 1000).toISOString().slice(0, 16);

function fromLocalInput(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!) / 1000 - OFFSET_SEC;
}

/** Only the administrator of a meeting still to come may change or cancel it. */
export function canManage(state: SimState, m: SimMeeting, userid: string): boolean {
  const tz = state.corps.get(m.corpId)?.timeZone ?? "Asia/Shanghai";
  return m.admin_userid === userid && meetingStatus(m, state.clock.nowSec(), tz) === STATUS.booked;
}

export function meetingControls(m: SimMeeting, userid: string) {
  const action = `/__sim/members/${encodeURIComponent(userid)}/meetings/${encodeURIComponent(m.meetingid)}`;
  return html`<details class="manage">
    <summary>修改或取消会议</summary>
    <form method="post" action="${action}" class="row">
      <input type="hidden" name="action" value="modify" />
      <label>会议主题 <input name="title" value="${m.title}" maxlength="40" required /></label>
      <label
        >开始时间
        <input type="datetime-local" name="start" value="${toLocalInput(m.meeting_start)}" required
      /></label>
      <label
        >时长（分钟）
        <input
          type="number"
          name="duration_min"
          min="5"
          step="5"
          value="${Math.round(m.meeting_duration / 60)}"
          required
      /></label>
      <button type="submit">保存修改</button>
    </form>
    <form method="post" action="${action}">
      <input type="hidden" name="action" value="cancel" />
      <button type="submit" class="danger">取消会议</button>
    </form>
  </details>`;
}

const NOTICES: Record<string, string> = {
  modified: "会议已修改。",
  cancelled: "会议已取消。",
  occurrence_cancelled: "这一次会议已取消。",
  unchanged: "没有改动。",
};

export function noticeText(kind: string | undefined, notified: string | undefined) {
  const text = kind ? NOTICES[kind] : undefined;
  if (!text) return undefined;
  if (kind === "unchanged") return text;
  return notified === "1"
    ? `${text}已向预约应用发送事件回调。`
    : `${text}预约应用没有设置回调（或已停用），它将在下次同步时得知。`;
}

function formChange(form: Record<string, unknown>, now: number): ClientChange | { error: string } {
  if (form.action === "cancel") return { cancel: true };
  if (form.action === "cancel_occurrence") {
    const sub = String(form.sub_meetingid ?? "");
    return sub ? { cancel_sub_meetingid: sub } : { error: "没有指定要取消的场次。" };
  }
  if (form.action !== "modify") return { error: "未知的操作。" };
  const start = fromLocalInput(String(form.start ?? ""));
  if (start === undefined) return { error: "开始时间格式不对。" };
  if (start <= now) return { error: "开始时间必须晚于当前时间。" };
  const minutes = Number(form.duration_min);
  const parsed = clientChangeSchema.safeParse({
    title: String(form.title ?? "").trim(),
    meeting_start: start,
    meeting_duration: Number.isInteger(minutes) ? minutes * 60 : NaN,
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return {
      error:
        field === "title"
          ? "会议主题须为 1 到 40 个字。"
          : field === "meeting_duration"
            ? "时长须为不少于 5 分钟的整数分钟。"
            : "填写的内容无效。",
    };
  }
  return parsed.data;
}

export function registerMemberActions(
  app: Hono<SimEnv>,
  state: SimState,
  errorPage: (c: Context<SimEnv>, message: string, back: string) => Response | Promise<Response>,
): void {
  app.post("/__sim/members/:userid/meetings/:meetingid", async (c) => {
    const userid = c.req.param("userid");
    const back = `/__sim/members/${encodeURIComponent(userid)}`;
    const m = state.meetings.get(c.req.param("meetingid"));
    if (!m) return errorPage(c, "没有这个会议。", back);
    if (!canManage(state, m, userid))
      return errorPage(c, "只有会议管理员可以修改或取消待开始的会议。", back);
    const change = formChange(await c.req.parseBody(), state.clock.nowSec());
    if ("error" in change) return errorPage(c, change.error, back);
    const result = applyClientChange(state, m, { ...change, userid });
    if (result.refused) return errorPage(c, `企业微信拒绝了这次操作：${result.refused}`, back);
    const done = change.cancel_sub_meetingid
      ? "occurrence_cancelled"
      : change.cancel
        ? "cancelled"
        : result.changeType
          ? "modified"
          : "unchanged";
    const notified = result.delivery ? "1" : "0";
    return c.redirect(`${back}?done=${done}&notified=${notified}`, 303);
  });
}
