// meeting/create's documented answers (wecom-meeting-api.md, meeting/create): the
// advanced page's answer (98148) with meeting_code and meeting_link, the basic page's
// (99104) without them, and a code sent as a number, parsed by the client as WeCom sends them.
import { describe, expect, it } from "vitest";
import { createWecomClient } from "./client.ts";
import { MemoryCallLog } from "./store/memory-call-log.ts";
import { MemoryTokenStore } from "./store/memory-token-store.ts";
import type { WecomAppCredentials } from "./types.ts";

const app: WecomAppCredentials = {
  id: "app1",
  tenantId: "t1",
  name: "Test app",
  kind: "self_built",
  corpId: "ww1",
  baseUrl: "http://wecom.test/cgi-bin/",
  secret: "the-app-secret-value",
};

/** A client whose WeCom gives a token, then answers meeting/create with `answer`. */
function clientAnswering(answer: unknown) {
  const paths: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const path = new URL(String(input)).pathname;
    paths.push(path);
    const body = path.endsWith("/gettoken")
      ? { errcode: 0, errmsg: "ok", access_token: "tok", expires_in: 7200 }
      : answer;
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  const client = createWecomClient(app, {
    tokens: new MemoryTokenStore(),
    callLog: new MemoryCallLog(),
    fetch: fetchImpl,
    retry: { baseDelayMs: 1, maxAttempts: 2 },
  });
  return { client, paths };
}

const input = {
  adminUserId: "lihua",
  title: "周会",
  meetingStart: 2_000_000_000,
  meetingDuration: 1800,
};

describe("meeting/create's answer", () => {
  it("reads the code and the link of the advanced page's answer", async () => {
    const { client, paths } = clientAnswering({
      errcode: 0,
      errmsg: "ok",
      meetingid: "hyXXXXX",
      excess_users: ["user1"],
      meeting_code: "123456789",
      meeting_link: "https://meeting.tencent.com/dm/abc",
    });
    await expect(client.createMeeting(input)).resolves.toEqual({
      meetingId: "hyXXXXX",
      excessUsers: ["user1"],
      meetingCode: "123456789",
      meetingLink: "https://meeting.tencent.com/dm/abc",
    });
    // One round trip: no get_info behind the create.
    expect(paths.filter((p) => p.includes("meeting/"))).toEqual(["/cgi-bin/meeting/create"]);
  });

  it("leaves both unset for the basic page's answer, so the caller knows to ask get_info", async () => {
    const { client } = clientAnswering({ errcode: 0, errmsg: "ok", meetingid: "hyYYYY" });
    const created = await client.createMeeting(input);
    expect(created).toEqual({ meetingId: "hyYYYY", excessUsers: [] });
    expect(created.meetingCode).toBeUndefined();
    expect(created.meetingLink).toBeUndefined();
  });

  it("takes a code sent as a number as its digits, and an empty code or link as missing", async () => {
    const numeric = clientAnswering({
      errcode: 0,
      errmsg: "ok",
      meetingid: "hyZ",
      meeting_code: 987654321,
      meeting_link: "",
    });
    await expect(numeric.client.createMeeting(input)).resolves.toEqual({
      meetingId: "hyZ",
      excessUsers: [],
      meetingCode: "987654321",
      meetingLink: undefined,
    });
    const empty = clientAnswering({ errcode: 0, errmsg: "ok", meetingid: "hyE", meeting_code: "" });
    expect((await empty.client.createMeeting(input)).meetingCode).toBeUndefined();
  });
});
