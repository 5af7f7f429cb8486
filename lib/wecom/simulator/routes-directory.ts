// agent/get and user/get: what MeetBridge uses to check an app's visible range and a
// userid mapping before booking.
import type { Hono } from "hono";
import { defineOperation, type SimEnv } from "./operation.js";
import { bookingContext } from "./routes-meeting.js";
import type { SimState } from "./state.js";
import { checkMember } from "./validate-meeting.js";

export function registerDirectoryRoutes(app: Hono<SimEnv>, state: SimState): void {
  defineOperation(app, state, {
    name: "agent/get",
    method: "GET",
    auth: "corp",
    handler: ({ query, caller }) => {
      if (!query.agentid) return { errcode: 41011, errmsg: "agentid missing" };
      const a = caller.app;
      if (query.agentid !== String(a.agentId)) {
        return {
          errcode: 40056,
          errmsg: `invalid agentid: ${query.agentid} is not the agentid of this access_token's app`,
        };
      }
      return {
        errcode: 0,
        errmsg: "ok",
        agentid: a.agentId,
        name: a.name,
        square_logo_url: "",
        description: a.meetingPermission ? "预约会议" : "",
        allow_userinfos: { user: a.allowUserIds.map((userid) => ({ userid })) },
        allow_partys: { partyid: a.allowPartyIds },
        allow_tags: { tagid: [] },
        close: 0,
        redirect_domain: "",
        report_location_flag: 0,
        isreportenter: 0,
        home_url: "",
      };
    },
  });

  defineOperation(app, state, {
    name: "user/get",
    method: "GET",
    auth: "corp",
    handler: ({ query, caller }) => {
      const userid = query.userid;
      if (!userid) return { errcode: 41009, errmsg: "userid missing" };
      const failure = checkMember(bookingContext(state, caller), userid, "userid");
      if (failure) return failure;
      const m = state.member(caller.corp.corpId, userid);
      if (!m) return { errcode: 60111, errmsg: `userid not found: ${userid}` };
      return {
        errcode: 0,
        errmsg: "ok",
        userid: m.userid,
        name: m.name,
        department: [m.departmentId],
        main_department: m.departmentId,
        order: [0],
        position: m.position,
        mobile: m.mobile,
        gender: String(m.gender),
        email: m.email,
        is_leader_in_dept: [0],
        status: 1,
      };
    },
  });
}
