// The WeCom meeting client: typed operations on one app. Built per app (cheaply: the
// token cache lives with the TokenStore object, see token-manager.ts).
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env.js";
import { CORP_TOKEN_ERRCODES, WecomConfigError, WecomError } from "./errors.ts";
import {
  DEFAULT_RETRY,
  wecomRequest,
  type CallTrace,
  type HttpDeps,
  type RetryPolicy,
  type WecomRequest,
} from "./http.ts";
import {
  cancelReconciled,
  findMeetingsLike,
  type CancelResult,
  type MeetingsLike,
} from "./reconcile.ts";
import {
  agentSchema,
  createMeetingSchema,
  emptySchema,
  meetingInfoSchema,
  updateMeetingSchema,
  userMeetingIdsSchema,
  userSchema,
  type AgentInfo,
  type CreateMeetingResult,
  type MeetingInfo,
  type UpdateMeetingResult,
  type UserMeetingIds,
  type WecomUser,
} from "./schemas.ts";
import { roomCalls } from "./room-client.ts";
import {
  calendarAddSchema,
  calendarGetSchema,
  type CalendarInput,
  type CalendarList,
} from "./calendar-schemas.ts";
import type { CallLogSink, TokenStore } from "./store/types.ts";
import { tokenManagerFor } from "./token-manager.ts";
import { corpTokenSource } from "./token-sources.ts";
import type {
  CallContext,
  CancelMeetingInput,
  CreateMeetingInput,
  UpdateMeetingInput,
  UserMeetingIdsInput,
  WecomAppCredentials,
} from "./types.ts";
import { createBody, updateBody, userMeetingIdsBody } from "./wire.ts";

export interface WecomClientDeps {
  tokens: TokenStore;
  callLog: CallLogSink;
  timeoutMs?: number;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
}

export type { CancelResult, MeetingsLike } from "./reconcile.ts";
export type WecomClient = ReturnType<typeof createWecomClient>;

export function createWecomClient(app: WecomAppCredentials, deps: WecomClientDeps) {
  const http: HttpDeps = {
    app,
    callLog: deps.callLog,
    fetch: deps.fetch ?? globalThis.fetch,
    timeoutMs: deps.timeoutMs ?? env.WECOM_HTTP_TIMEOUT_MS,
    retry: deps.retry ?? DEFAULT_RETRY,
  };
  const manager = tokenManagerFor(deps.tokens);
  const corpSource = corpTokenSource(http, manager);
  const accessToken = () => manager.get(app.id, "corp", corpSource);

  /** Sends with the corp token; on 40014/42001 drops that token, refetches and sends once more. */
  async function withToken<S extends z.ZodType>(
    build: (token: string) => WecomRequest<S>,
    trace: CallTrace = { attempts: 0 },
  ): Promise<z.output<S>> {
    const token = await accessToken();
    try {
      return await wecomRequest(http, build(token), trace);
    } catch (err) {
      if (!(err instanceof WecomError && CORP_TOKEN_ERRCODES.has(err.errcode))) throw err;
      await manager.invalidate(app.id, "corp", token);
      return await wecomRequest(http, build(await accessToken()), trace);
    }
  }

  const meetingCall = <S extends z.ZodType>(
    operation:
      | "meeting/create"
      | "meeting/update"
      | "meeting/cancel"
      | "meeting/get_info"
      | "meeting/get_user_meetingid",
    body: unknown,
    schema: S,
    idempotent: boolean,
    ctx: CallContext | undefined,
  ) =>
    withToken((token) => ({
      operation,
      method: "POST",
      path: operation,
      query: { access_token: token },
      body,
      schema,
      idempotent,
      meetingId: ctx?.meetingId,
      token,
    }));

  const calendarCall = <S extends z.ZodType>(
    operation: "oa/calendar/add" | "oa/calendar/get" | "oa/calendar/del",
    body: unknown,
    schema: S,
    idempotent: boolean,
  ) =>
    withToken((token) => ({
      operation,
      method: "POST",
      path: operation,
      query: { access_token: token },
      body,
      schema,
      idempotent,
      token,
    }));

  async function getMeetingInfo(meetingId: string, ctx?: CallContext): Promise<MeetingInfo> {
    const info = await meetingCall(
      "meeting/get_info",
      { meetingid: meetingId },
      meetingInfoSchema,
      true,
      ctx,
    );
    return { ...info, meetingId: info.meetingId ?? meetingId };
  }

  async function getUserMeetingIds(
    input: UserMeetingIdsInput,
    ctx?: CallContext,
  ): Promise<UserMeetingIds> {
    return meetingCall(
      "meeting/get_user_meetingid",
      userMeetingIdsBody(input),
      userMeetingIdsSchema,
      true,
      ctx,
    );
  }

  const sendCancel = (input: CancelMeetingInput, ctx?: CallContext) =>
    meetingCall(
      "meeting/cancel",
      { meetingid: input.meetingId, sub_meetingid: input.subMeetingId },
      emptySchema,
      false,
      ctx,
    );

  return {
    app: { id: app.id, name: app.name, kind: app.kind },

    /** The app's current access_token (cached, single-flight). Server-side use only. */
    getAccessToken: accessToken,

    /**
     * Books a meeting. Never resent after a timeout, a dropped connection, a 5xx or an
     * unreadable reply: that raises WecomUncertainError, and the caller reconciles
     * (findMeetingsLike) before anything else. Refusals (-1, 45009, 45033, a stale
     * token) are retried.
     */
    createMeeting(input: CreateMeetingInput, ctx?: CallContext): Promise<CreateMeetingResult> {
      return meetingCall("meeting/create", createBody(input), createMeetingSchema, false, ctx);
    },

    /** Updates a booked meeting; safe to repeat (the same fields set twice). */
    updateMeeting(input: UpdateMeetingInput, ctx?: CallContext): Promise<UpdateMeetingResult> {
      return meetingCall("meeting/update", updateBody(input), updateMeetingSchema, true, ctx);
    },

    /**
     * Cancels a meeting. Not resent blindly after a lost answer: see reconcile.ts.
     */
    cancelMeeting: (input: CancelMeetingInput, ctx?: CallContext): Promise<CancelResult> =>
      cancelReconciled({ sendCancel, getMeetingInfo }, input, ctx),

    getMeetingInfo,
    getUserMeetingIds,

    /** oa/meetingroom/*: self-built apps with the 会议室 permission only (room-client.ts). */
    ...roomCalls((build) => withToken(build)),

    /**
     * Meetings of this app that match a create input (same admin, title, start and
     * duration, any status but cancelled): how a caller holding WecomUncertainError
     * learns whether its create took effect (reconcile.ts). One match: adopt it. None and
     * `truncated` false: nothing was booked, creating again is safe. None but `truncated`:
     * unknown, do not create again. `ctx` is accepted but not used for call-log
     * attribution: the lookups concern other meetings too, and are logged without one.
     */
    findMeetingsLike: (input: CreateMeetingInput, ctx?: CallContext): Promise<MeetingsLike> =>
      findMeetingsLike({ getUserMeetingIds, getMeetingInfo }, input, ctx),

    /**
     * Creates a calendar of this app (oa/calendar/add; third-party apps book on one).
     * Resent like a read after a lost answer: the worst a repeat does is leave an unused
     * calendar behind, never a meeting, and the booking waiting on it is not left uncertain.
     */
    addCalendar: (calendar: CalendarInput): Promise<{ calId: string }> =>
      calendarCall("oa/calendar/add", { calendar }, calendarAddSchema, true),

    /** This app's calendars by id; an unknown or another app's id is refused (40058). */
    getCalendars: (calIds: string[]): Promise<CalendarList> =>
      calendarCall("oa/calendar/get", { cal_id_list: calIds }, calendarGetSchema, true),

    deleteCalendar: (calId: string): Promise<unknown> =>
      calendarCall("oa/calendar/del", { cal_id: calId }, emptySchema, true),

    /** The app's visible range (and whether it is closed); needs the app's agentid. */
    async getAgent(agentId: number | null | undefined = app.agentId): Promise<AgentInfo> {
      if (agentId === null || agentId === undefined)
        throw new WecomConfigError(app.id, app.name, "agentId");
      return withToken((token) => ({
        operation: "agent/get",
        method: "GET",
        path: "agent/get",
        query: { access_token: token, agentid: agentId },
        schema: agentSchema,
        idempotent: true,
        token,
      }));
    },

    /** A member the app can see; 60111 unknown, 60011 outside the visible range. */
    getUser(userId: string): Promise<WecomUser> {
      return withToken((token) => ({
        operation: "user/get",
        method: "GET",
        path: "user/get",
        query: { access_token: token, userid: userId },
        schema: userSchema,
        idempotent: true,
        token,
      }));
    },
  };
}
