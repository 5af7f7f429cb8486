// What a decrypted callback says, read from its XML (opened and verified already: this
// never sees a message whose signature did not match). Unknown shapes are kept as
// "unknown" events: recorded, never an error that would make WeCom retry.
import { XMLParser } from "fast-xml-parser";

export type CallbackEventKind =
  | "meeting_change"
  | "book_meeting_room"
  | "cancel_meeting_room"
  | "suite_ticket"
  | "create_auth"
  | "change_auth"
  | "cancel_auth"
  | "unknown";

export interface ParsedCallback {
  kind: CallbackEventKind;
  /** meeting_change: modify_meeting, cancel_meeting, meeting_start, meeting_end, … */
  changeType: string | null;
  wecomMeetingId: string | null;
  /** suite events: the suite they are for */
  suiteId: string | null;
  suiteTicket: string | null;
  authCorpId: string | null;
  /** suite events: WeCom's TimeStamp (unix seconds) */
  timeStamp: number | null;
  /** room events: MeetingRoomId and BookingId */
  meetingRoomId: number | null;
  bookingId: string | null;
}

const parser = new XMLParser({
  // Every value as text: a meetingid or a ticket of digits must not become a number.
  parseTagValue: false,
  ignoreAttributes: true,
  processEntities: false,
  trimValues: true,
});

const SUITE_KINDS = new Set(["suite_ticket", "create_auth", "change_auth", "cancel_auth"]);

const text = (v: unknown): string | null =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;

export function parseCallback(xml: string): ParsedCallback {
  let root: Record<string, unknown> = {};
  try {
    const doc = parser.parse(xml) as { xml?: unknown };
    if (doc.xml && typeof doc.xml === "object") root = doc.xml as Record<string, unknown>;
  } catch {
    // Not XML: an "unknown" event.
  }
  const infoType = text(root.InfoType);
  const event = text(root.Event);
  const kind: CallbackEventKind =
    event === "meeting_change"
      ? "meeting_change"
      : event === "book_meeting_room" || event === "cancel_meeting_room"
        ? event
        : infoType && SUITE_KINDS.has(infoType)
          ? (infoType as CallbackEventKind)
          : "unknown";
  const stamp = Number(text(root.TimeStamp));
  return {
    kind,
    changeType: text(root.ChangeType),
    wecomMeetingId: text(root.MeetingId),
    suiteId: text(root.SuiteId),
    suiteTicket: text(root.SuiteTicket),
    authCorpId: text(root.AuthCorpId),
    timeStamp: Number.isFinite(stamp) && stamp > 0 ? stamp : null,
    meetingRoomId: roomIdOf(text(root.MeetingRoomId)),
    bookingId: text(root.BookingId),
  };
}

function roomIdOf(v: string | null): number | null {
  const n = Number(v);
  return v !== null && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The name an event is recorded and logged under: its Event, InfoType or "unknown". */
export function operationOf(parsed: ParsedCallback): string {
  return `callback.${parsed.kind}`;
}
