// The API's request and answer shapes, for validation and the OpenAPI document alike.
// The booking body IS the booking form's schema (lib/schemas/booking.ts), with the
// submission key moved to the Idempotency-Key header, WeCom's form defaults for what is
// left out, and people named by MeetBridge account id or by OA job number.
import { z } from "@hono/zod-openapi";
import { bookingFieldsSchema } from "@/lib/schemas/booking";
import { FILTER_STATUSES } from "@/lib/schemas/meeting-filters";
import { msg, typeError } from "@/lib/schemas/messages";
import { roomIdSchema } from "@/lib/schemas/room";
import { PROBLEM_BASE, PROBLEM_STATUS } from "./problem";

const jobNumber = z.string(typeError()).trim().min(1, msg("required")).max(64, msg("invalid"));
const jobNumbers = z.array(jobNumber, typeError()).max(1000, msg("invalid"));

/** People by OA job number (工号), beside (or instead of) the account-id fields. */
const byJobNumber = {
  inviteeJobNumbers: jobNumbers
    .optional()
    .openapi({ description: "Invitees by OA job number (merged with inviteeIds)" }),
  hostJobNumbers: jobNumbers.optional().openapi({ description: "Hosts by OA job number" }),
  ringJobNumbers: jobNumbers
    .optional()
    .openapi({ description: "Members to ring (remindScope 4) by OA job number" }),
};

/**
 * A choice of literals (z.literal([1, 2, 3, 4])) as the document should list it: the
 * generator keeps only the first value. Validation is the booking schema's, unchanged.
 */
function listed<T extends z.ZodLiteral>(schema: T): T {
  return documented(schema, { type: "integer", enum: [...schema.values] as number[] });
}

/**
 * schema.openapi(meta) for a schema made before @hono/zod-openapi added .openapi() to
 * zod (zod 4 copies prototype methods into each schema when it is made): the form's
 * schemas may be, depending on which module loads first.
 */
function documented<T extends z.ZodType>(schema: T, meta: object): T {
  const { openapi } = z.ZodType.prototype as unknown as { openapi(this: T, m: object): T };
  return openapi.call(schema, meta);
}

/** The room booked with the meeting (self-built apps with the 会议室 permission; GET /rooms). */
const roomIdField = documented(roomIdSchema.optional(), {
  description:
    "A meeting room (GET /rooms) booked for the meeting after it is booked (every occurrence " +
    "of a series); null releases it. A room that cannot be booked leaves the meeting booked: " +
    "see `room.error` in the answer.",
});

const shape = bookingFieldsSchema.shape;
const fields = bookingFieldsSchema.omit({ idempotencyKey: true }).extend({
  remindScope: listed(shape.remindScope),
  enableEnterMute: listed(shape.enableEnterMute),
  repeatType: listed(shape.repeatType),
  repeatInterval: listed(shape.repeatInterval),
  remindBefore: documented(shape.remindBefore, {
    items: { type: "integer", enum: [...shape.remindBefore.element.values] as number[] },
  }),
});

export const BookMeetingBody = fields
  .partial()
  .required({ appId: true, title: true, start: true })
  .extend({
    adminJobNumber: jobNumber
      .optional()
      .openapi({ description: "The meeting admin by OA job number (instead of adminId)" }),
    ...byJobNumber,
    roomId: roomIdField,
  })
  // Unknown fields are refused (422, a pointer to each), never silently dropped.
  .strict()
  .openapi("BookMeeting", {
    description:
      "The booking form's fields and rules. Fields left out take the form's defaults " +
      "(durationMin 60, remindScope 2, enableEnterMute 2, allowEnterBeforeHost and " +
      "allowExternalUser true, everything else off or empty). `start` is a wall-clock " +
      "time in the tenant's time zone.",
    example: {
      appId: "cm0app000000000000000000",
      adminJobNumber: "E1001",
      title: "周例会",
      start: "2026-12-01T10:00",
      durationMin: 60,
      inviteeJobNumbers: ["E1002", "E1003"],
    },
  });
export type BookMeetingBody = z.infer<typeof BookMeetingBody>;

export const UpdateMeetingBody = fields
  .omit({ appId: true, adminId: true })
  .partial()
  .extend({
    ...byJobNumber,
    roomId: roomIdField,
    clearPassword: z
      .boolean(typeError())
      .optional()
      .openapi({ description: "true removes the meeting password (an empty password keeps it)" }),
  })
  .strict()
  .openapi("UpdateMeeting", {
    description:
      "Only the fields given change; only what changed is sent to WeCom (start and " +
      "duration together). The app and the admin are fixed.",
    example: { title: "周例会（改期）", start: "2026-12-01T14:00", durationMin: 90 },
  });
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

export const CancelMeetingBody = z
  .object({
    reason: z
      .string(typeError())
      .max(1000, msg("invalid"))
      .optional()
      .openapi({ description: "Kept in the audit trail (trimmed, at most 200 characters)" }),
  })
  .strict()
  .openapi("CancelMeeting", { example: { reason: "审批撤回" } });

const statusEnum = z.enum(
  FILTER_STATUSES.filter((s) => s !== "needs_reconciliation") as ["booked", ...string[]],
);

const participant = z.object({
  role: z.enum(["invitee", "host", "ring"]),
  wecomUserId: z.string(),
});

export const MeetingRoomInfo = z
  .object({
    roomId: z.number().int(),
    name: z.string().nullable(),
    booked: z.boolean().openapi({ description: "WeCom holds the room for the meeting" }),
    conflictDays: z
      .array(z.string())
      .openapi({ description: "Days (YYYY-MM-DD) the room was already taken (conflict_date)" }),
    error: z
      .string()
      .nullable()
      .openapi({ description: "Why the room is not booked: 会议已预约，会议室未预约：…" }),
  })
  .openapi("MeetingRoom");

const Occurrence = z
  .object({
    subMeetingId: z.string().openapi({ description: "WeCom's sub_meetingid" }),
    startAt: z.string().openapi({ description: "ISO 8601 UTC" }),
    endAt: z.string(),
    status: statusEnum,
    movedToMeetingId: z
      .string()
      .nullable()
      .openapi({ description: "The one-off booked in its place, if it was moved" }),
  })
  .openapi("Occurrence");

export const Meeting = z
  .object({
    id: z.string(),
    version: z.number().int().openapi({ description: "Also the ETag; send it as If-Match" }),
    status: statusEnum,
    needsReconciliation: z
      .boolean()
      .openapi({ description: "WeCom's answer was lost; MeetBridge is checking with WeCom" }),
    wecomMeetingId: z.string().nullable(),
    meetingCode: z.string().nullable(),
    meetingLink: z.string().nullable(),
    appId: z.string(),
    adminId: z.string(),
    title: z.string(),
    start: z.string().openapi({ description: "Wall clock in the tenant's time zone" }),
    startAt: z.string().openapi({ description: "The same instant, ISO 8601 UTC" }),
    timeZone: z.string(),
    durationMin: z.number().int(),
    description: z.string(),
    location: z.string(),
    inviteeIds: z.array(z.string()),
    hostIds: z.array(z.string()),
    ringIds: z.array(z.string()),
    unmappedParticipants: z.array(participant).openapi({
      description: "Participants without an OA account (kept as they are by an update)",
    }),
    hasPassword: z.boolean(),
    enableWaitingRoom: z.boolean(),
    allowEnterBeforeHost: z.boolean(),
    remindScope: z.number().int(),
    enableEnterMute: z.number().int(),
    allowExternalUser: z.boolean(),
    enableScreenWatermark: z.boolean(),
    isRepeat: z.boolean(),
    repeatType: z.number().int(),
    repeatInterval: z.number().int(),
    repeatUntil: z.string(),
    isCustomRepeat: z.boolean().optional().openapi({
      description:
        "Self-built apps: a custom series on repeatDaysOfWeek (1 Monday … 7 Sunday) or repeatDaysOfMonth (1–31)",
    }),
    repeatDaysOfWeek: z.array(z.number().int()).optional(),
    repeatDaysOfMonth: z.array(z.number().int()).optional(),
    repeatCount: z.number().int().nullable().optional().openapi({
      description:
        "Self-built apps: the series ends after this many occurrences (repeatUntil is then empty)",
    }),
    remindBefore: z.array(z.number().int()),
    bookedByThisKey: z.boolean(),
    room: MeetingRoomInfo.nullable(),
    occurrences: z.array(Occurrence).openapi({
      description:
        "A series' occurrences as WeCom last reported them (a page at a time): never the " +
        "whole series; an occurrence not listed shares the series' status",
    }),
    movedFromOccurrence: z
      .object({ meetingId: z.string(), subMeetingId: z.string() })
      .nullable()
      .openapi({ description: "This one-off replaces that occurrence of a series" }),
  })
  .openapi("Meeting");
export type Meeting = z.infer<typeof Meeting>;

export const MeetingSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    startAt: z.string(),
    durationMin: z.number().int(),
    status: statusEnum,
    needsReconciliation: z.boolean(),
    wecomMeetingId: z.string().nullable(),
    meetingCode: z.string().nullable(),
    app: z.object({ id: z.string(), name: z.string() }),
    admin: z.object({ id: z.string(), name: z.string() }),
  })
  .openapi("MeetingSummary");

export const MeetingPage = z
  .object({
    items: z.array(MeetingSummary),
    nextCursor: z.string().nullable().openapi({ description: "null on the last page" }),
  })
  .openapi("MeetingPage");

export const MeetingListQuery = z.object({
  status: z
    .string()
    .optional()
    .openapi({
      description: `Comma-separated: ${FILTER_STATUSES.join(", ")}`,
      example: "booked,in_progress",
    }),
  from: z.string().optional().openapi({ description: "YYYY-MM-DD (tenant's zone), inclusive" }),
  to: z.string().optional().openapi({ description: "YYYY-MM-DD (tenant's zone), inclusive" }),
  appId: z.string().optional(),
  adminId: z.string().optional(),
  inviteeId: z.string().optional(),
  q: z.string().optional().openapi({ description: "Title contains" }),
  sort: z.enum(["start", "title"]).optional().openapi({ description: "Default start" }),
  dir: z.enum(["asc", "desc"]).optional().openapi({ description: "Default desc" }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "Default 25" }),
  cursor: z.string().max(2000).optional(),
});

export const MeetingIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: "id", in: "path" },
      description: "MeetBridge's meeting id, or `wecom:{meetingid}` (WeCom's meetingid)",
      example: "wecom:hy8s9Gk3CQAAB7qOBQ",
    }),
});

export const App = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["self_built", "third_party", "custom"]),
    bookable: z.boolean(),
    reason: z
      .enum(["disabled", "unauthorised", "denied", "unknown"])
      .nullable()
      .openapi({ description: "Why the app may not book (null when it may)" }),
  })
  .openapi("App");

export const Account = z
  .object({
    id: z.string(),
    name: z.string(),
    jobNumber: z.string().nullable(),
    department: z.string().nullable(),
    active: z.boolean(),
    mappings: z.array(
      z.object({
        corpName: z.string(),
        wecomUserId: z.string(),
        verifyStatus: z
          .string()
          .nullable()
          .openapi({ description: "ok, not_found, out_of_range; null: not verified yet" }),
      }),
    ),
  })
  .openapi("Account");
export type Account = z.infer<typeof Account>;

export const AccountPage = z
  .object({
    items: z.array(Account),
    total: z.number().int(),
    page: z.number().int(),
    pageCount: z.number().int(),
  })
  .openapi("AccountPage");

export const AccountListQuery = z.object({
  q: z.string().optional().openapi({ description: "Name, job number, email or WeCom userid" }),
  state: z.enum(["all", "active", "inactive"]).optional(),
  page: z.coerce.number().int().min(1).optional(),
  size: z.coerce.number().int().optional().openapi({ description: "25, 50 or 100" }),
});

export const Problem = z
  .object({
    type: z.string().openapi({ example: `${PROBLEM_BASE}validation` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ pointer: z.string(), detail: z.string() }))
      .optional()
      .openapi({ description: "Field errors: a JSON pointer into the request and its message" }),
    wecomErrcode: z.number().int().optional(),
    meetingId: z.string().optional(),
    currentVersion: z.number().int().optional(),
  })
  .openapi("Problem", {
    description: `RFC 9457. type is one of: ${Object.keys(PROBLEM_STATUS)
      .map((t) => PROBLEM_BASE + t)
      .join(", ")}`,
    example: {
      type: `${PROBLEM_BASE}validation`,
      title: "输入无效",
      status: 422,
      detail: "请求中有 1 处输入无效，详见 errors。",
      errors: [{ pointer: "/durationMin", detail: "会议时长须少于 24 小时" }],
    },
  });

/** The problem answers a route documents, by status. */
export function problems(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed request",
    413: "Body over 64 kB",
    415: "Body not JSON (Content-Type application/json)",
    401: "Missing, unknown or revoked API key",
    403: "The key's role does not allow this",
    404: "No such meeting (or another tenant's)",
    409: "Meeting not editable, edit in flight, or the same request still running",
    412: "If-Match is stale",
    422: "Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused",
    429: "Rate limit of the key reached (Retry-After)",
    502: "WeCom unreachable",
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: descriptions[s] ?? "Problem",
        content: { "application/problem+json": { schema: Problem } },
      },
    ]),
  );
}

export const RoomQuery = z.object({
  appId: z.string().min(1).max(64).openapi({ description: "A self-built app that may use rooms" }),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg("startInvalid"))
    .openapi({ description: "Wall clock in the tenant's time zone", example: "2026-12-01T10:00" }),
  durationMin: z.coerce
    .number()
    .int(msg("invalid"))
    .min(5, msg("invalid"))
    .max(1439, msg("invalid"))
    .default(30),
});

const RoomHolder = z.object({
  start: z.string().openapi({ description: "ISO 8601 UTC" }),
  end: z.string(),
  booker: z.string(),
  meetingId: z.string().nullable().openapi({ description: "MeetBridge's meeting holding it" }),
});

export const RoomAvailability = z
  .object({
    roomId: z.number().int(),
    name: z.string(),
    capacity: z.number().int(),
    city: z.string(),
    building: z.string(),
    floor: z.string(),
    equipment: z.array(z.string()),
    needApproval: z.boolean().openapi({ description: "Cannot be booked through the API" }),
    free: z.boolean(),
    holders: z.array(RoomHolder),
  })
  .openapi("RoomAvailability");
