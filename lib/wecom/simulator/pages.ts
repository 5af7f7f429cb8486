// Plain HTML views, so a demo user sees a booking where the people booked for would
// see it (the WeCom client's 会议 tab), without a WeCom account.
import type { Hono } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { meetingStatus, participants, STATUS, type MeetingStatus } from "./meeting-view.js";
import type { SimEnv } from "./operation.js";
import { callbacksSection } from "./pages-callbacks.js";
import { occurrenceList } from "./pages-occurrences.js";
import {
  canManage,
  meetingControls,
  noticeText,
  registerMemberActions,
} from "./pages-member-actions.js";
import { meetingRoomText } from "./routes-rooms-sim.js";
import { SIM_APPS, SIM_MEMBERS } from "./seed-data.js";
import type { SimMeeting, SimState } from "./state.js";

const TZ = "Asia/Shanghai";
const fmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  year: "numeric",
  month: "long",
  day: "numeric",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const hm = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const SECTIONS: [MeetingStatus, string][] = [
  [STATUS.inProgress, "进行中"],
  [STATUS.booked, "待开始"],
  [STATUS.ended, "已结束"],
  [STATUS.cancelled, "已取消"],
];

/** A callback attempt's entry in the request log: its HTTP status, or why it failed. */
function callbackResult(response: unknown): string {
  const r = response as { pending?: boolean; status?: number | null; error?: string };
  if (r.pending) return "发送中";
  return r.status ? `HTTP ${r.status}${r.error ? "（失败）" : ""}` : (r.error ?? "失败");
}

const nameOf = (userid: string) => SIM_MEMBERS.find((m) => m.userid === userid)?.name ?? userid;
const code = (c: string) => c.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3");

function layout(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <style>
          body {
            font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
            margin: 2rem;
            color: #222;
          }
          table {
            border-collapse: collapse;
          }
          td,
          th {
            border: 1px solid #ddd;
            padding: 4px 8px;
            text-align: left;
          }
          .card {
            border: 1px solid #ddd;
            border-radius: 6px;
            padding: 8px 12px;
            margin: 8px 0;
            max-width: 40rem;
          }
          .muted {
            color: #888;
          }
          .no {
            color: #b00;
          }
          .notice {
            background: #eef7ee;
            border: 1px solid #9c9;
            border-radius: 6px;
            padding: 6px 12px;
            max-width: 40rem;
          }
          .error {
            background: #fbeeee;
            border: 1px solid #d99;
          }
          .manage summary {
            cursor: pointer;
            color: #36c;
            margin-top: 6px;
          }
          .manage form {
            margin: 6px 0;
          }
          .manage label {
            display: inline-block;
            margin: 2px 8px 2px 0;
          }
          .danger {
            color: #b00;
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}

function meetingCard(m: SimMeeting, userid: string, manage: boolean, now: number, room?: string) {
  const role =
    m.admin_userid === userid
      ? "会议管理员"
      : m.settings.hosts.includes(userid)
        ? "主持人"
        : "受邀成员";
  const end = m.meeting_start + m.meeting_duration;
  const app = SIM_APPS.find((a) => a.key === m.appKey)?.name ?? m.appKey;
  return html`<div class="card">
    <strong>${m.title}</strong
    >${m.reminders.is_repeat === 1 ? html` <span class="muted">（周期会议）</span>` : ""}<br />
    ${fmt.format(m.meeting_start * 1000)} – ${hm.format(end * 1000)}<br />
    会议号：${code(m.meeting_code)} · 管理员：${nameOf(m.admin_userid)} · 我的身份：${role}<br />
    ${m.location ? html`地点：${m.location}<br />` : ""}
    ${room ? html`<span class="room">会议室：${room}</span><br />` : ""}
    <span class="muted">预约应用：${app} · <a href="${m.meeting_link}">${m.meeting_link}</a></span>
    ${manage ? meetingControls(m, userid) : ""}
    ${m.reminders.is_repeat === 1 && !m.cancelled ? occurrenceList(m, userid, now, TZ, manage) : ""}
  </div>`;
}

export function registerPages(app: Hono<SimEnv>, state: SimState): void {
  registerMemberActions(app, state, (c, message, back) =>
    c.html(
      layout(
        "操作未完成",
        html`<p class="notice error" role="alert">${message}</p>
          <p><a href="${back}">← 返回</a></p>`,
      ),
      400,
    ),
  );

  app.get("/__sim/members/:userid", (c) => {
    const userid = c.req.param("userid");
    const member = SIM_MEMBERS.find((m) => m.userid === userid);
    if (!member)
      return c.html(
        layout("未找到成员", html`<p>没有成员 ${userid}。<a href="/__sim/">返回</a></p>`),
        404,
      );
    const now = state.clock.nowSec();
    const mine = [...state.meetings.values()]
      .filter((m) => participants(m).has(userid))
      .sort((a, b) => a.meeting_start - b.meeting_start);
    const sections = SECTIONS.map(([status, label]) => {
      const list = mine.filter((m) => meetingStatus(m, now, TZ) === status);
      return html`<h2>${label}（${list.length}）</h2>
        ${list.length ? list.map((m) => meetingCard(m, userid, canManage(state, m, userid), now, meetingRoomText(state, m))) : html`<p class="muted">暂无会议</p>`}`;
    });
    const notice = noticeText(c.req.query("done"), c.req.query("notified"));
    return c.html(
      layout(
        `${member.name}的会议`,
        html`<p><a href="/__sim/">← 全部成员</a></p>
          <h1>${member.name}（${member.userid}）的会议</h1>
          <p class="muted">
            ${member.departmentName} · ${member.position} · 当前时间 ${fmt.format(now * 1000)}
          </p>
          ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""} ${sections}`,
      ),
    );
  });

  app.get("/__sim/", (c) => {
    const now = state.clock.nowSec();
    const rows = SIM_MEMBERS.map(
      (m) =>
        html`<tr>
          <td><a href="/__sim/members/${m.userid}">${m.name}</a></td>
          <td>${m.userid}</td>
          <td>${m.departmentName}</td>
          ${SIM_APPS.map((a) => (a.visibleUserIds.includes(m.userid) ? html`<td>✓</td>` : html`<td class="no">不可见</td>`))}
        </tr>`,
    );
    const recent = state.requests.slice(-20).reverse();
    return c.html(
      layout(
        "企业微信模拟器",
        html`<h1>企业微信模拟器</h1>
          <p>
            当前时间 ${fmt.format(now * 1000)}（偏移 ${state.clock.offset} 秒）· 会议
            ${state.meetings.size} 个
          </p>
          ${[...state.corps.values()].map(
            (corp) =>
              html`<p>
                企业：${corp.name}（${corp.corpId}）· 付费版：${corp.paidEdition ? "是" : "否"} ·
                会议高级功能（开始、结束回调）：${corp.meetingAdvanced ? "已开通" : "未开通"}
              </p>`,
          )}
          <h2>应用</h2>
          <table>
            <tr>
              <th>key</th>
              <th>名称</th>
              <th>类型</th>
              <th>agentid</th>
              <th>会议权限</th>
              <th>状态</th>
            </tr>
            ${SIM_APPS.map(
              (a) =>
                html`<tr>
                  <td>${a.key}</td>
                  <td>${a.name}</td>
                  <td>${a.kind}</td>
                  <td>${a.agentId}</td>
                  <td>${a.meetingPermission ? "有" : "无"}</td>
                  <td>${state.revoked.has(a.key) ? "已停用" : "正常"}</td>
                </tr>`,
            )}
          </table>
          <h2>成员</h2>
          <table>
            <tr>
              <th>姓名</th>
              <th>userid</th>
              <th>部门</th>
              ${SIM_APPS.map((a) => html`<th>${a.name}</th>`)}
            </tr>
            ${rows}
          </table>
          <h2>最近请求</h2>
          <table>
            <tr>
              <th>#</th>
              <th>时间</th>
              <th>接口</th>
              <th>errcode</th>
            </tr>
            ${recent.map(
              (r) =>
                html`<tr>
                  <td>${r.id}</td>
                  <td>${r.time}</td>
                  <td>
                    ${r.callback ? `→ 回调 ${r.operation.replace(/^callback:/, "")}` : r.operation}
                  </td>
                  <td>${r.callback ? callbackResult(r.response) : (r.errcode ?? "断开")}</td>
                </tr>`,
            )}
          </table>
          ${callbacksSection(state)}
          <p class="muted">
            JSON: <a href="/__sim/seed">/__sim/seed</a> ·
            <a href="/__sim/requests">/__sim/requests</a> ·
            <a href="/__sim/meetings">/__sim/meetings</a> ·
            <a href="/__sim/clock">/__sim/clock</a> ·
            <a href="/__sim/callbacks">/__sim/callbacks</a> ·
            <a href="/__sim/callbacks/log">/__sim/callbacks/log</a>
          </p>`,
      ),
    );
  });
}
