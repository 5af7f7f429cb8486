// A series on a member page: the occurrences get_info would list (the same page, so what
// the member sees is what an app reads), each with its status, and for the administrator a
// button that cancels that one occurrence, as the WeCom client allows. The form posts to
// the member-actions route, which goes through applyClientChange and calls the app back.
import { html } from "hono/html";
import { occurrences } from "./meeting-view.js";
import { subMeetingsPage } from "./occurrences.js";
import type { SimMeeting } from "./state.js";

const LABEL: Record<number, string> = { 1: "待开始", 2: "进行中", 3: "已结束", 4: "已取消" };

const when = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function occurrenceList(
  m: SimMeeting,
  userid: string,
  now: number,
  timeZone: string,
  manage: boolean,
) {
  const page = subMeetingsPage(m, occurrences(m, timeZone), now);
  const action = `/__sim/members/${encodeURIComponent(userid)}/meetings/${encodeURIComponent(m.meetingid)}`;
  return html`<details class="occurrences">
    <summary>各次会议（剩余 ${page.remain_sub_meetings} 次）</summary>
    <table>
      <tr>
        <th>时间</th>
        <th>状态</th>
        <th></th>
      </tr>
      ${page.sub_meetings.map(
        (o) =>
          html`<tr data-sub-meetingid="${o.sub_meetingid}">
            <td>${when.format(o.start_time * 1000)}</td>
            <td>${LABEL[o.status]}</td>
            <td>
              ${
                manage && o.status === 1
                  ? html`<form method="post" action="${action}">
                      <input type="hidden" name="action" value="cancel_occurrence" />
                      <input type="hidden" name="sub_meetingid" value="${o.sub_meetingid}" />
                      <button type="submit" class="danger">取消这一次</button>
                    </form>`
                  : ""
              }
            </td>
          </tr>`,
      )}
    </table>
    ${page.has_more_sub_meeting ? html`<p class="muted">之后还有更多场次。</p>` : ""}
  </details>`;
}
