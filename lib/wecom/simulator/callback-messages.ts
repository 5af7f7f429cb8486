// The plaintext XML of the events the simulator calls back with, as WeCom writes them
// (wecom-meeting-api.md "Callbacks"): strings in CDATA, numbers bare.

export const MEETING_CHANGE_TYPES = [
  "modify_meeting",
  "cancel_meeting",
  "meeting_start",
  "meeting_end",
] as const;
export type MeetingChangeType = (typeof MEETING_CHANGE_TYPES)[number];

export const SUITE_INFO_TYPES = [
  "suite_ticket",
  "create_auth",
  "change_auth",
  "cancel_auth",
] as const;
export type SuiteInfoType = (typeof SUITE_INFO_TYPES)[number];

const cdata = (v: string) => `<![CDATA[${v.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

export function meetingChangeXml(e: {
  corpId: string;
  /** The member who acted, or "sys" for the clock. */
  from: string;
  createTime: number;
  changeType: string;
  meetingId: string;
}): string {
  return (
    `<xml><ToUserName>${cdata(e.corpId)}</ToUserName>` +
    `<FromUserName>${cdata(e.from)}</FromUserName>` +
    `<CreateTime>${e.createTime}</CreateTime>` +
    `<MsgType>${cdata("event")}</MsgType>` +
    `<Event>${cdata("meeting_change")}</Event>` +
    `<ChangeType>${cdata(e.changeType)}</ChangeType>` +
    `<MeetingId>${cdata(e.meetingId)}</MeetingId></xml>`
  );
}

export function suiteInfoXml(e: {
  suiteId: string;
  infoType: string;
  timeStamp: number;
  /** suite_ticket */
  suiteTicket?: string;
  /** create_auth */
  authCode?: string;
  state?: string;
  /** change_auth, cancel_auth */
  authCorpId?: string;
}): string {
  const fields = [
    e.suiteTicket !== undefined ? `<SuiteTicket>${cdata(e.suiteTicket)}</SuiteTicket>` : "",
    e.authCode !== undefined ? `<AuthCode>${cdata(e.authCode)}</AuthCode>` : "",
    e.state !== undefined ? `<State>${cdata(e.state)}</State>` : "",
    e.authCorpId !== undefined ? `<AuthCorpId>${cdata(e.authCorpId)}</AuthCorpId>` : "",
  ].join("");
  return (
    `<xml><SuiteId>${cdata(e.suiteId)}</SuiteId>` +
    `<InfoType>${cdata(e.infoType)}</InfoType>` +
    `<TimeStamp>${e.timeStamp}</TimeStamp>${fields}</xml>`
  );
}

/** A plaintext with its secrets (a suite ticket, an auth code) masked to "***" + last 4. */
export function redactMessage(message: string): string {
  return message.replace(
    /<(SuiteTicket|AuthCode)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g,
    (_m, tag: string, a?: string, b?: string) =>
      `<${tag}><![CDATA[***${(a ?? b ?? "").slice(-4)}]]></${tag}>`,
  );
}

/** "meeting_change/cancel_meeting" or "suite_ticket": what a plaintext is about, for logs. */
export function describeMessage(message: string): { event: string; meetingid?: string } {
  const field = (name: string) =>
    new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(
      message,
    );
  const text = (m: RegExpExecArray | null) => (m ? (m[1] ?? m[2] ?? "").trim() : undefined);
  const info = text(field("InfoType"));
  if (info) return { event: info };
  const event = text(field("Event"));
  const change = text(field("ChangeType"));
  const meetingid = text(field("MeetingId"));
  const name = event ? (change ? `${event}/${change}` : event) : "unknown";
  return meetingid ? { event: name, meetingid } : { event: name };
}
