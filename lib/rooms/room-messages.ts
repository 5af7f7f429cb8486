// What a person reads when a room call fails. 48002 from oa/meetingroom means the app is
// not among 会议室's apps (or is not self-built), which the meeting permission's how-to
// (lib/wecom/messages.ts) does not cover; everything else is said as for any WeCom call.
import "server-only";
import { describeWecomFailure, ERRCODE, type WecomFailure, type WecomLocale } from "@/lib/wecom";

export function describeRoomFailure(
  failure: WecomFailure,
  locale: WecomLocale,
  appName: string,
): string {
  const zh = locale === "zh-CN";
  if (failure.kind === "wecom" && failure.errcode === ERRCODE.apiForbidden) {
    if (failure.appKind && failure.appKind !== "self_built")
      return zh
        ? `会议室需要自建应用：“${appName}”不是自建应用，企业微信不允许它预约会议室。`
        : `Rooms need a self-built app: WeCom does not let "${appName}" book meeting rooms.`;
    return zh
      ? `“${appName}”没有会议室权限。请企业管理员在企业微信管理后台进入“应用管理 → 会议室 → 可调用接口的应用”，加入该应用，然后在 MeetBridge 重新检查应用。`
      : `"${appName}" may not use meeting rooms. Ask a WeCom admin to open App Management → Meeting Rooms → Apps allowed to call the API, add this app, then re-check it in MeetBridge.`;
  }
  if (
    failure.kind === "wecom" &&
    (failure.errcode === ERRCODE.invalidParameter || failure.errcode === ERRCODE.invalidParameter2)
  )
    return zh
      ? `企业微信拒绝预约该会议室（${failure.errmsg.split(", hint:")[0]}）。`
      : `WeCom refused to book the room (${failure.errmsg.split(", hint:")[0]}).`;
  return describeWecomFailure(failure, locale, { appName });
}
