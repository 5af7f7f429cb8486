// A WeCom refusal, told the person at the field it concerns: which account is outside
// the visible range or unknown, that the app lacks the permission (and how to grant it
// for its kind), which value WeCom did not accept.
import "server-only";
import {
  describeWecomError,
  ERRCODE,
  WecomError,
  WecomTransportError,
  type WecomLocale,
} from "@/lib/wecom";
import { msg } from "@/lib/schemas/messages";
import type { People } from "./stored-booking";
import type { BookingField, BookingProblem, WecomProblem } from "./types";

const PERSON_ERRCODES = new Set<number>([
  ERRCODE.outOfRange,
  ERRCODE.outOfRange2,
  ERRCODE.userNotFound,
  ERRCODE.invalidUserId,
]);

// WeCom's errmsg names the wire field ("invalid title: …"); the form calls it this.
const WIRE_FIELDS: [RegExp, BookingField][] = [
  [/\btitle\b/, "title"],
  [/\bmeeting_start\b/, "start"],
  [/\bmeeting_duration\b/, "durationMin"],
  [/\bdescription\b/, "description"],
  [/\blocation\b/, "location"],
  [/\bpassword\b/, "password"],
  [/\bhosts\b/, "hostIds"],
  [/\bring_users\b/, "ringIds"],
  [/\binvitees\b/, "inviteeIds"],
  [/\brepeat_until\b/, "repeatUntil"],
  [/\brepeat_interval\b/, "repeatInterval"],
  [/\brepeat_type\b/, "repeatType"],
  [/\bremind_before\b/, "remindBefore"],
  [/\bremind_scope\b/, "remindScope"],
];

const text = (s: string) => msg("wecom", { text: s });

export function wecomRefusal(
  err: unknown,
  app: { name: string; kind: "self_built" | "third_party" | "custom" },
  people: People,
  locale: WecomLocale,
): BookingProblem {
  return { ...refusalAt(err, app, people, locale), wecom: wecomProblemOf(err) };
}

/** The errcode of a refusal, or that WeCom was not reached; undefined for anything else. */
export function wecomProblemOf(err: unknown): WecomProblem | undefined {
  if (err instanceof WecomError) return { errcode: err.errcode };
  if (err instanceof WecomTransportError)
    return { unreachable: err.httpStatus === null || err.httpStatus >= 500 };
  return undefined;
}

function refusalAt(
  err: unknown,
  app: { name: string; kind: "self_built" | "third_party" | "custom" },
  people: People,
  locale: WecomLocale,
): BookingProblem {
  const ctx = { appName: app.name, appKind: app.kind };
  if (!(err instanceof WecomError))
    return { fieldErrors: {}, formError: text(describeWecomError(err, locale, ctx)) };

  if (PERSON_ERRCODES.has(err.errcode)) {
    const roles: [BookingField, People["invitees"]][] = [
      ["adminId", [people.admin]],
      ["inviteeIds", people.invitees],
      ["hostIds", people.hosts],
      ["ringIds", people.ring],
    ];
    for (const [field, list] of roles) {
      const who = list.find((p) =>
        new RegExp(`(^|[^\\w.-])${escape(p.userId)}([^\\w.-]|$)`).test(err.errmsg),
      );
      if (who) {
        const message = describeWecomError(err, locale, { ...ctx, accountName: who.name });
        return { fieldErrors: { [field]: text(message) } };
      }
    }
  }
  if (err.errcode === ERRCODE.apiForbidden || err.errcode === ERRCODE.authorisationRevoked)
    return { fieldErrors: { appId: text(describeWecomError(err, locale, ctx)) } };
  if (err.errcode === ERRCODE.invalidParameter || err.errcode === ERRCODE.invalidParameter2) {
    const field = WIRE_FIELDS.find(([re]) => re.test(err.errmsg))?.[1];
    if (field) return { fieldErrors: { [field]: text(describeWecomError(err, locale, ctx)) } };
  }
  return { fieldErrors: {}, formError: text(describeWecomError(err, locale, ctx)) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
