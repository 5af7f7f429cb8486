// What a person sees when a WeCom call fails: what happened and what to do, in zh-CN
// or en. The caller passes what it knows (app name, the account whose userid failed,
// the field); anything unknown is left out rather than guessed.
import {
  ERRCODE,
  WecomConfigError,
  WecomError,
  WecomTransportError,
  WecomUncertainError,
} from "./errors.ts";
import { calendarForbidden } from "./calendar-messages.ts";
import type { WecomAppKind } from "./types.ts";

export type WecomLocale = "zh-CN" | "en";

export interface DescribeContext {
  appName?: string;
  appKind?: WecomAppKind;
  /** The MeetBridge (OA) account whose WeCom userid was refused. */
  accountName?: string;
  /** The WeCom userid, when no account name is known. */
  userId?: string;
  /** The form field WeCom refused. */
  field?: string;
  /** The server's egress IP, when the caller knows it better than WeCom's errmsg. */
  egressIp?: string;
}

interface Vars {
  app: string;
  kind: WecomAppKind | undefined;
  account: string;
  field: string | undefined;
  ip: string | undefined;
  code: number;
  errmsg: string;
}

type Message = (v: Vars) => string;

const permissionHowTo: Record<WecomAppKind, { zh: string; en: string }> = {
  self_built: {
    zh: "请企业管理员登录企业微信管理后台，进入“应用管理 → 会议 → API”，把该自建应用加入“可调用接口的应用”，保存后在 MeetBridge 重新检查应用。",
    en: "Ask a WeCom admin to open the admin console, go to App Management → Meeting → API, add this self-built app to the apps allowed to call the API, save, then re-check the app in MeetBridge.",
  },
  third_party: {
    zh: "服务商需在服务商管理后台为该第三方应用申请“会议”接口权限；权限变更后，企业管理员须在企业微信管理后台确认授权，然后在 MeetBridge 重新检查应用。",
    en: "The service provider must request the Meeting API permission for this third-party app in the provider console; after the change the corp admin must confirm the new authorisation in the WeCom admin console. Then re-check the app in MeetBridge.",
  },
  custom: {
    zh: "服务商需在代开发应用模板中开启“会议”接口权限并重新上线；企业管理员随后在企业微信管理后台确认授权，然后在 MeetBridge 重新检查应用。",
    en: "The service provider must enable the Meeting API permission in the customised-development app template and release it again; the corp admin then confirms the authorisation in the WeCom admin console. Then re-check the app in MeetBridge.",
  },
};

function howToGrant(kind: WecomAppKind | undefined, zh: boolean): string {
  if (kind) return zh ? permissionHowTo[kind].zh : permissionHowTo[kind].en;
  const all = Object.values(permissionHowTo).map((p) => (zh ? p.zh : p.en));
  return all.join(zh ? "" : " ");
}

const q = (s: string, zh: boolean) => (zh ? `“${s}”` : `"${s}"`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const zhMessages: Record<number, Message> = {
  [ERRCODE.systemBusy]: (v) => `企业微信系统繁忙，${v.app}的请求已重试仍未成功。请稍后再试。`,
  [ERRCODE.invalidSecret]: (v) =>
    `${v.app}的 Secret 无效，企业微信拒绝发放访问令牌。请管理员在“应用设置”中重新填写该应用的 Secret（第三方应用请核对 Suite Secret 与永久授权码）。`,
  [ERRCODE.invalidCorpId]: (v) =>
    `${v.app}的企业 ID（CorpID）无效。请管理员在“应用设置”中核对并改正 CorpID。`,
  [ERRCODE.invalidToken]: (v) =>
    `${v.app}的访问令牌无效，刷新后仍被拒绝。请稍后再试；若持续出现，请检查应用凭据。`,
  [ERRCODE.tokenExpired]: (v) =>
    `${v.app}的访问令牌已过期，刷新后仍被拒绝。请稍后再试；若持续出现，请检查应用凭据。`,
  [ERRCODE.invalidUserId]: (v) =>
    `${v.account}在企业微信通讯录中不存在。请在“通讯录关联”中改正该账号对应的企业微信 UserID。`,
  [ERRCODE.invalidParameter]: (v) =>
    v.field
      ? `字段${q(v.field, true)}的值不被企业微信接受（${v.errmsg}）。请修改后重试。`
      : `请求参数不被企业微信接受（${v.errmsg}）。请检查会议信息后重试。`,
  [ERRCODE.suiteTokenExpired]: (v) =>
    `${v.app}的 suite_access_token 已过期，刷新后仍被拒绝。请核对 Suite Ticket 是否最新。`,
  [ERRCODE.rateLimited]: (v) =>
    `${v.app}调用企业微信接口过于频繁，已被限流。请一分钟后再试，不要连续重复提交。`,
  [ERRCODE.concurrencyLimited]: (v) => `${v.app}同时发起的请求过多，已被企业微信限流。请稍后再试。`,
  [ERRCODE.apiForbidden]: (v) => `${v.app}没有“会议”接口权限（48002）。${howToGrant(v.kind, true)}`,
  [ERRCODE.authorisationRevoked]: (v) =>
    `企业已取消对${v.app}的授权，MeetBridge 已将其标记为未授权。请企业管理员重新授权该应用后再使用。`,
  [ERRCODE.outOfRange]: (v) =>
    `${v.account}不在${v.app}的可见范围内。请企业管理员在企业微信管理后台把此人（或其部门）加入该应用的可见范围。`,
  [ERRCODE.ipNotAllowed]: (v) =>
    `服务器 IP${v.ip ? ` ${v.ip} ` : ""}不在${v.app}的企业可信 IP 列表中。请管理员在企业微信管理后台该应用的“企业可信IP”中添加${v.ip ? "此 IP" : "MeetBridge 服务器的出口 IP"}。`,
};
zhMessages[ERRCODE.invalidAgentId] = (v) =>
  `${v.app}的 AgentId 无效（40056）。请管理员在“应用设置”中核对 AgentId（企业微信管理后台“应用管理”中该应用详情页所示）。`;
zhMessages[ERRCODE.invalidSuiteId] = (v) =>
  `${v.app}的 Suite ID 无效（40083）。请管理员在“应用设置”中核对服务商管理后台该应用的 Suite ID。`;
zhMessages[ERRCODE.invalidPermanentCode] = (v) =>
  `${v.app}的永久授权码无效（40084），或不属于这个授权企业。请管理员在“应用设置”中核对永久授权码与企业的 CorpID。`;
zhMessages[ERRCODE.invalidSuiteTicket] = (v) =>
  `${v.app}的 Suite Ticket 无效或已过期（40085）。请管理员在“应用设置”中填写企业微信最近推送的 suite_ticket（每 10 分钟推送一次，30 分钟内有效）。`;
zhMessages[ERRCODE.invalidParameter2] = zhMessages[ERRCODE.invalidParameter]!;
zhMessages[ERRCODE.userNotFound] = zhMessages[ERRCODE.invalidUserId]!;
zhMessages[ERRCODE.outOfRange2] = zhMessages[ERRCODE.outOfRange]!;
zhMessages[ERRCODE.invalidSuiteToken] = zhMessages[ERRCODE.suiteTokenExpired]!;

const enMessages: Record<number, Message> = {
  [ERRCODE.systemBusy]: (v) =>
    `WeCom is busy; the request for ${v.app} still failed after retries. Try again in a moment.`,
  [ERRCODE.invalidSecret]: (v) =>
    `WeCom rejected the secret of ${v.app}, so no access token could be obtained. An admin should re-enter the app's secret in the app settings (third-party apps: check the suite secret and permanent code).`,
  [ERRCODE.invalidCorpId]: (v) =>
    `The corp ID of ${v.app} is not valid. An admin should correct the CorpID in the app settings.`,
  [ERRCODE.invalidToken]: (v) =>
    `WeCom rejected the access token of ${v.app} even after a refresh. Try again later; if it persists, check the app's credentials.`,
  [ERRCODE.tokenExpired]: (v) =>
    `The access token of ${v.app} expired and a fresh one was refused too. Try again later; if it persists, check the app's credentials.`,
  [ERRCODE.invalidUserId]: (v) =>
    `${v.account} does not exist in the WeCom directory. Fix that account's WeCom userid under directory mappings.`,
  [ERRCODE.invalidParameter]: (v) =>
    v.field
      ? `WeCom did not accept the value of ${q(v.field, false)} (${v.errmsg}). Change it and try again.`
      : `WeCom did not accept a request parameter (${v.errmsg}). Check the meeting details and try again.`,
  [ERRCODE.suiteTokenExpired]: (v) =>
    `The suite access token of ${v.app} expired and a fresh one was refused too. Check that the stored suite ticket is the latest.`,
  [ERRCODE.rateLimited]: (v) =>
    `${cap(v.app)} hit WeCom's rate limit. Wait a minute before trying again; do not resubmit repeatedly.`,
  [ERRCODE.concurrencyLimited]: (v) =>
    `${cap(v.app)} sent too many requests at once and WeCom throttled it. Try again shortly.`,
  [ERRCODE.apiForbidden]: (v) =>
    `${cap(v.app)} lacks the Meeting API permission (48002). ${howToGrant(v.kind, false)}`,
  [ERRCODE.authorisationRevoked]: (v) =>
    `The corp revoked its authorisation of ${v.app}; MeetBridge has marked the app unauthorised. A corp admin must authorise the app again before it can be used.`,
  [ERRCODE.outOfRange]: (v) =>
    `${v.account} is outside the visible range of ${v.app}. A WeCom admin should add this person (or their department) to the app's visible range in the admin console.`,
  [ERRCODE.ipNotAllowed]: (v) =>
    `The server's IP${v.ip ? ` ${v.ip}` : ""} is not among the trusted IPs of ${v.app}. An admin should add ${v.ip ? "this IP" : "MeetBridge's egress IP"} to the app's trusted IPs (企业可信IP) in the WeCom admin console.`,
};
enMessages[ERRCODE.invalidAgentId] = (v) =>
  `The AgentId of ${v.app} is not valid (40056). An admin should correct it in the app settings (it is shown on the app's page under App Management in the WeCom admin console).`;
enMessages[ERRCODE.invalidSuiteId] = (v) =>
  `The suite ID of ${v.app} is not valid (40083). An admin should correct it in the app settings, as the provider console shows it.`;
enMessages[ERRCODE.invalidPermanentCode] = (v) =>
  `The permanent code of ${v.app} is not valid (40084), or was not granted by this corp. An admin should check the permanent code and the corp's CorpID in the app settings.`;
enMessages[ERRCODE.invalidSuiteTicket] = (v) =>
  `The suite ticket of ${v.app} is not valid or has expired (40085). An admin should enter the latest suite_ticket WeCom pushed (every 10 minutes; each lives 30 minutes) in the app settings.`;
enMessages[ERRCODE.invalidParameter2] = enMessages[ERRCODE.invalidParameter]!;
enMessages[ERRCODE.userNotFound] = enMessages[ERRCODE.invalidUserId]!;
enMessages[ERRCODE.outOfRange2] = enMessages[ERRCODE.outOfRange]!;
enMessages[ERRCODE.invalidSuiteToken] = enMessages[ERRCODE.suiteTokenExpired]!;

/** Every errcode the API doc names, and the credential ones (40056, 40082–40085); each in both locales. */
export const DESCRIBED_ERRCODES: readonly number[] = Object.keys(zhMessages).map(Number);

// WeCom's 60020 errmsg reads "... from ip: 1.2.3.4, more info at ...".
function ipFromErrmsg(errmsg: string): string | undefined {
  return /from ip:\s*([0-9a-fA-F.:]+)/.exec(errmsg)?.[1];
}

function vars(err: WecomFailureOf<"wecom">, zh: boolean, ctx: DescribeContext): Vars {
  const appName = ctx.appName ?? err.appName;
  const who = ctx.accountName ?? ctx.userId;
  return {
    app: appName
      ? zh
        ? `应用${q(appName, zh)}`
        : `app ${q(appName, zh)}`
      : zh
        ? "该应用"
        : "the app",
    kind: ctx.appKind ?? err.appKind,
    account: who
      ? zh
        ? `账号${q(who, zh)}`
        : `Account ${q(who, zh)}`
      : zh
        ? "该账号"
        : "The account",
    field: ctx.field,
    ip: ctx.egressIp ?? ipFromErrmsg(err.errmsg),
    code: err.errcode,
    errmsg: err.errmsg,
  };
}

/**
 * What went wrong, as plain data: it can be stored (an app's last check) and described
 * later in the reader's language.
 */
export type WecomFailure =
  | {
      kind: "wecom";
      errcode: number;
      errmsg: string;
      appName?: string;
      appKind?: WecomAppKind;
      /** The call refused: a 48002 from oa/calendar/* is about the calendar permission. */
      operation?: string;
    }
  | { kind: "uncertain" | "transport"; appName?: string }
  | { kind: "config"; field: string; appName?: string; reason?: "missing" | "not_allowed" }
  | { kind: "unknown" };
type WecomFailureOf<K extends WecomFailure["kind"]> = Extract<WecomFailure, { kind: K }>;

export function toWecomFailure(err: unknown): WecomFailure {
  if (err instanceof WecomError) {
    const { errcode, errmsg, appName, appKind, operation } = err;
    return { kind: "wecom", errcode, errmsg, appName, appKind, operation };
  }
  if (err instanceof WecomUncertainError) return { kind: "uncertain", appName: err.appName };
  if (err instanceof WecomTransportError) return { kind: "transport", appName: err.appName };
  if (err instanceof WecomConfigError)
    return { kind: "config", field: err.field, appName: err.appName, reason: err.reason };
  return { kind: "unknown" };
}

export function describeWecomError(
  err: unknown,
  locale: WecomLocale,
  ctx: DescribeContext = {},
): string {
  return describeWecomFailure(toWecomFailure(err), locale, ctx);
}

export function describeWecomFailure(
  failure: WecomFailure,
  locale: WecomLocale,
  ctx: DescribeContext = {},
): string {
  const zh = locale === "zh-CN";
  if (failure.kind === "wecom") {
    const v = vars(failure, zh, ctx);
    if (failure.errcode === ERRCODE.apiForbidden && failure.operation?.startsWith("oa/calendar/"))
      return calendarForbidden(v.app, v.kind, zh);
    const message = (zh ? zhMessages : enMessages)[failure.errcode];
    if (message) return message(v);
    return zh
      ? `企业微信返回错误 ${v.code}（${v.errmsg}），${v.app}的操作未完成。请稍后再试，若持续出现请联系管理员。`
      : `WeCom returned error ${v.code} (${v.errmsg}) for ${v.app}; the operation was not completed. Try again later and contact an admin if it persists.`;
  }
  const app = ctx.appName ?? (failure.kind === "unknown" ? undefined : failure.appName);
  const appText = app
    ? zh
      ? `应用${q(app, zh)}`
      : `app ${q(app, zh)}`
    : zh
      ? "该应用"
      : "the app";
  if (failure.kind === "uncertain") {
    return zh
      ? `连接企业微信超时或中断，无法确定${appText}的操作是否已生效。MeetBridge 会先向企业微信核实结果，请勿重复提交。`
      : `The connection to WeCom timed out or dropped, so it is unknown whether the operation for ${appText} took effect. MeetBridge will check with WeCom first; do not submit again.`;
  }
  if (failure.kind === "transport") {
    return zh
      ? `暂时无法连接企业微信（${appText}）。请检查网络或稍后再试。`
      : `WeCom could not be reached for ${appText}. Check the network or try again later.`;
  }
  if (failure.kind === "config" && failure.reason === "not_allowed") {
    return zh
      ? `应用${q(app ?? "", zh)}的接口地址不是企业微信官方地址，也不在 MEETBRIDGE_WECOM_BASE_URLS 所列地址之中，MeetBridge 未向其发送任何请求。请管理员在“应用设置”中改回官方地址并重新填写密钥。`
      : `The API base URL of app ${q(app ?? "", zh)} is neither WeCom's official address nor listed in MEETBRIDGE_WECOM_BASE_URLS, so MeetBridge sent it nothing. An admin should set it back to the official address in the app settings and enter the secrets again.`;
  }
  if (failure.kind === "config") {
    return zh
      ? `应用${q(app ?? "", zh)}缺少凭据“${failure.field}”。请管理员在“应用设置”中补全。`
      : `App ${q(app ?? "", zh)} is missing its ${failure.field}. An admin should complete it in the app settings.`;
  }
  return zh
    ? "调用企业微信时发生未知错误。请稍后再试。"
    : "An unexpected error occurred while calling WeCom. Try again later.";
}
