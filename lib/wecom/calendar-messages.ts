// What a person reads when an app lacks the calendar permission (日程接口权限), which a
// third-party app needs to book at all (api doc, Calendars: where each kind grants it).
import type { WecomAppKind } from "./types.ts";

const howTo: Record<WecomAppKind, { zh: string; en: string }> = {
  self_built: {
    zh: "请企业管理员在企业微信管理后台进入“应用管理 → 日程 → 可调用接口的应用”，加入该应用并保存，然后在 MeetBridge 重新检查应用。",
    en: "Ask a WeCom admin to add this app under App Management → Calendar → Apps allowed to call the API, save, then re-check the app in MeetBridge.",
  },
  third_party: {
    zh: "第三方应用须由服务商在服务商管理后台为该应用申请“日程接口权限”；企业管理员确认新的授权后，在 MeetBridge 重新检查应用。企业微信要求第三方应用把会议预约在它自己的日历上，没有该权限就无法预约。",
    en: "The service provider must request the calendar API permission (日程接口权限) for this third-party app in the provider console; once the corp admin confirms the new authorisation, re-check the app in MeetBridge. WeCom books a third-party app's meetings on its own calendar, so it cannot book without it.",
  },
  custom: {
    zh: "服务商需在代开发应用模板中开启“日程”接口权限并重新上线；企业管理员确认授权后，在 MeetBridge 重新检查应用。",
    en: "The service provider must enable the calendar API permission in the customised-development app template and release it again; once the corp admin confirms, re-check the app in MeetBridge.",
  },
};

export function calendarForbidden(app: string, kind: WecomAppKind | undefined, zh: boolean) {
  const grant = howTo[kind ?? "third_party"];
  return zh
    ? `${app}没有“日程接口权限”（48002）。${grant.zh}`
    : `${app.charAt(0).toUpperCase()}${app.slice(1)} lacks the calendar API permission (48002). ${grant.en}`;
}
