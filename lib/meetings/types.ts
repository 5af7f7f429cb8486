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
}

export type BookingField = keyof BookingValues;

/** A refusal for the person: messages are encoded keys (lib/schemas/messages.ts). */
export interface BookingProblem {
  fieldErrors: Partial<Record<BookingField, string>>;
  formError?: string;
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
