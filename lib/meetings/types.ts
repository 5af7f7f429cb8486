// Who acts on the meeting domain and what they get back. Every door (the booking form's
// action, sync, callbacks, the HTTP API) builds a MeetingActor and calls lib/meetings.
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { WecomLocale } from "@/lib/wecom";
import type { BookingValues } from "@/lib/schemas/booking";

export type AuditSourceName = "web" | "api" | "sync" | "callback" | "system";

export interface MeetingActor {
  /** The database scoped to the actor's tenant. */
  db: TenantDb;
  tenantId: string;
  timeZone: string;
  /** The signed-in user; null for sync, callbacks and the system. */
  userId: string | null;
  source: AuditSourceName;
  locale: WecomLocale;
  ip?: string | null;
  userAgent?: string | null;
  /** An API key's name, for the audit trail. */
  via?: string;
  /** The API key acting (source "api"): a booking records it as Meeting.createdByTokenId. */
  tokenId?: string;
}

export type BookingField = keyof BookingValues;

/** A refusal for the person: messages are encoded keys (lib/schemas/messages.ts). */
export interface BookingProblem {
  fieldErrors: Partial<Record<BookingField, string>>;
  formError?: string;
  /** WeCom refused (its errcode) or could not be reached: the HTTP API answers by it. */
  wecom?: WecomProblem;
}

/** What a WeCom failure was, for callers that answer by kind (the HTTP API's 422 or 502). */
export interface WecomProblem {
  errcode?: number;
  /** No answer from WeCom (network, timeout, HTTP 5xx): nothing is known to be refused. */
  unreachable?: boolean;
}

export type BookResult =
  | {
      ok: true;
      meetingId: string;
      /** This submission had been booked before (a double click, a second tab, a retry). */
      replayed: boolean;
      /** WeCom's answer was lost: the meeting is kept and MeetBridge is checking with WeCom. */
      needsReconciliation: boolean;
    }
  | ({ ok: false; meetingId?: string } & BookingProblem);
