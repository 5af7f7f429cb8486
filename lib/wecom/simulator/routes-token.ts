// Token issuing for the three app kinds (see the token table in wecom-meeting-api.md).
import type { Hono } from "hono";
import { z } from "zod";
import { revokedReply } from "./auth.js";
import { describeIssue } from "./meeting-schema.js";
import { defineOperation, type SimEnv } from "./operation.js";
import { SIM_APPS } from "./seed-data.js";
import type { SimState, SimToken } from "./state.js";

const suiteTokenSchema = z.object({
  suite_id: z.string(),
  suite_secret: z.string(),
  suite_ticket: z.string(),
});
const corpTokenSchema = z.object({ auth_corpid: z.string(), permanent_code: z.string() });

const expiresIn = (state: SimState, t: SimToken) => t.expiresAt - state.clock.nowSec();

export function registerTokenRoutes(app: Hono<SimEnv>, state: SimState): void {
  defineOperation(app, state, {
    name: "gettoken",
    method: "GET",
    auth: "none",
    handler: ({ query }) => {
      const { corpid, corpsecret } = query;
      if (!corpid) return { errcode: 41002, errmsg: "corpid missing" };
      if (!corpsecret) return { errcode: 41004, errmsg: "corpsecret missing" };
      if (!state.corps.has(corpid)) return { errcode: 40013, errmsg: `invalid corpid: ${corpid}` };
      // Self-built and customised-development apps both use gettoken; a suite never does.
      const found = SIM_APPS.find(
        (a) => a.corpId === corpid && a.kind !== "third_party" && a.secret === corpsecret,
      );
      if (!found)
        return {
          errcode: 40001,
          errmsg: "invalid credential: corpsecret does not match any app of this corp",
        };
      if (state.revoked.has(found.key)) return revokedReply(found);
      const token = state.issueToken("corp", found.key);
      return {
        errcode: 0,
        errmsg: "ok",
        access_token: token.token,
        expires_in: expiresIn(state, token),
      };
    },
  });

  defineOperation(app, state, {
    name: "service/get_suite_token",
    method: "POST",
    auth: "none",
    handler: ({ body }) => {
      const parsed = suiteTokenSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return { errcode: 40058, errmsg: describeIssue(parsed.error) };
      const { suite_id, suite_secret, suite_ticket } = parsed.data;
      const suite = SIM_APPS.find((a) => a.kind === "third_party" && a.suiteId === suite_id);
      if (!suite) return { errcode: 40083, errmsg: `invalid suite_id: ${suite_id}` };
      if (suite.suiteSecret !== suite_secret)
        return { errcode: 40001, errmsg: "invalid credential: suite_secret is wrong" };
      // A ticket pushed within the last 30 minutes (callbacks.ts), or the seeded one.
      const accepted = state.callbacks.acceptsTicket(
        { suiteId: suite_id, seededTicket: suite.suiteTicket },
        suite_ticket,
        state.clock.nowSec(),
      );
      if (!accepted) return { errcode: 40085, errmsg: "invalid suite_ticket" };
      const token = state.issueToken("suite", suite.key);
      return {
        errcode: 0,
        errmsg: "ok",
        suite_access_token: token.token,
        expires_in: expiresIn(state, token),
      };
    },
  });

  defineOperation(app, state, {
    name: "service/get_corp_token",
    method: "POST",
    auth: "suite",
    handler: ({ body, caller }) => {
      const parsed = corpTokenSchema.safeParse(body, { reportInput: true });
      if (!parsed.success) return { errcode: 40058, errmsg: describeIssue(parsed.error) };
      const { auth_corpid, permanent_code } = parsed.data;
      if (!state.corps.has(auth_corpid))
        return { errcode: 40013, errmsg: `invalid corpid: ${auth_corpid}` };
      const suite = caller.app;
      if (suite.corpId !== auth_corpid || suite.permanentCode !== permanent_code) {
        return { errcode: 40084, errmsg: "invalid permanent_code for this auth_corpid" };
      }
      const token = state.issueToken("corp", suite.key);
      return {
        errcode: 0,
        errmsg: "ok",
        access_token: token.token,
        expires_in: expiresIn(state, token),
      };
    },
  });
}
