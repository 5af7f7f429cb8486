// Token checks in the order WeCom applies them: the token itself, then whether the
// app is still authorised, then whether it may call the meeting API at all.
import type { SimApp, SimCorp } from "./seed-data.js";
import type { SimState, SimToken } from "./state.js";

export type Reply = { errcode: number; errmsg: string } & Record<string, unknown>;
export type AuthKind = "none" | "corp" | "meeting" | "suite";

export interface Caller {
  token: SimToken;
  app: SimApp;
  corp: SimCorp;
}

export function authenticate(
  state: SimState,
  query: Record<string, string>,
  kind: Exclude<AuthKind, "none">,
): Caller | Reply {
  const now = state.clock.nowSec();
  if (kind === "suite") {
    const raw = query.suite_access_token;
    if (!raw) return { errcode: 41001, errmsg: "suite_access_token missing" };
    const token = state.tokens.get(raw);
    if (!token || token.kind !== "suite" || token.invalidated) {
      return { errcode: 40082, errmsg: "invalid suite_access_token" };
    }
    if (token.expiresAt <= now) return { errcode: 42009, errmsg: "suite_access_token expired" };
    return resolve(state, token);
  }
  const raw = query.access_token;
  if (!raw) return { errcode: 41001, errmsg: "access_token missing" };
  const token = state.tokens.get(raw);
  if (!token || token.kind !== "corp" || token.invalidated) {
    return { errcode: 40014, errmsg: "invalid access_token" };
  }
  if (token.expiresAt <= now) return { errcode: 42001, errmsg: "access_token expired" };
  const caller = resolve(state, token);
  if ("errcode" in caller) return caller;
  if (kind === "meeting" && !caller.app.meetingPermission) {
    return {
      errcode: 48002,
      errmsg: `api forbidden: app ${caller.app.agentId} (${caller.app.name}) has no permission for the meeting API`,
    };
  }
  return caller;
}

function resolve(state: SimState, token: SimToken): Caller | Reply {
  const app = state.app(token.appKey);
  const corp = app && state.corps.get(app.corpId);
  if (!app || !corp) return { errcode: 40014, errmsg: "invalid access_token" };
  if (state.revoked.has(app.key)) return revokedReply(app);
  return { token, app, corp };
}

export function revokedReply(app: SimApp): Reply {
  return {
    errcode: 48004,
    errmsg: `api forbidden for invalid auth: app ${app.agentId} (${app.name}) was revoked`,
  };
}

export const isReply = (x: Caller | Reply): x is Reply => "errcode" in x;
