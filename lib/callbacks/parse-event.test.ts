import { describe, expect, it } from "vitest";
import { redactCallbackXml } from "@/lib/wecom/redact";
import { parseCallback } from "./parse-event";

describe("a decrypted callback", () => {
  it("reads a meeting change, keeping a meetingid of digits as text", () => {
    const xml =
      "<xml><ToUserName><![CDATA[ww1]]></ToUserName><MsgType><![CDATA[event]]></MsgType>" +
      "<Event><![CDATA[meeting_change]]></Event><ChangeType><![CDATA[cancel_meeting]]></ChangeType>" +
      "<MeetingId>000123456789012345678</MeetingId></xml>";
    expect(parseCallback(xml)).toMatchObject({
      kind: "meeting_change",
      changeType: "cancel_meeting",
      wecomMeetingId: "000123456789012345678",
    });
  });

  it("reads suite events and their time", () => {
    expect(
      parseCallback(
        "<xml><SuiteId><![CDATA[wws1]]></SuiteId><InfoType><![CDATA[cancel_auth]]></InfoType>" +
          "<TimeStamp>1700000000</TimeStamp><AuthCorpId><![CDATA[wwc]]></AuthCorpId></xml>",
      ),
    ).toMatchObject({
      kind: "cancel_auth",
      suiteId: "wws1",
      authCorpId: "wwc",
      timeStamp: 1700000000,
    });
  });

  it("keeps anything else as an unknown event instead of failing", () => {
    expect(parseCallback("not xml <<<").kind).toBe("unknown");
    expect(parseCallback("<xml><Event>subscribe</Event></xml>").kind).toBe("unknown");
  });

  it("redacts the suite ticket and the auth code, CDATA or not", () => {
    const out = redactCallbackXml(
      "<xml><SuiteTicket><![CDATA[tkt-abcdef]]></SuiteTicket><AuthCode>code-123456</AuthCode>" +
        "<SuiteId>wws1</SuiteId></xml>",
    );
    expect(out).not.toMatch(/tkt-abcdef|code-123456/);
    expect(out).toContain("<SuiteTicket>[REDACTED]</SuiteTicket>");
    expect(out).toContain("<SuiteId>wws1</SuiteId>");
  });
});

describe("room events", () => {
  it("reads book_meeting_room and cancel_meeting_room with their room and booking", () => {
    for (const event of ["book_meeting_room", "cancel_meeting_room"] as const) {
      const parsed = parseCallback(
        `<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[zhangwei]]></FromUserName>` +
          `<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
          `<Event><![CDATA[${event}]]></Event><MeetingRoomId>9</MeetingRoomId>` +
          `<BookingId><![CDATA[bk123]]></BookingId></xml>`,
      );
      expect(parsed).toMatchObject({ kind: event, meetingRoomId: 9, bookingId: "bk123" });
    }
  });
});
