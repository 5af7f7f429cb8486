// What a tenant-scoped caller may touch (lib/db/tenant-scope.ts applies it). Written out
// by hand so that a reviewer can read the whole policy in one place.

/** Models with their own tenantId column. */
export const DIRECT = new Set([
  "Membership",
  "Corp",
  "App",
  "OaAccount",
  "Mapping",
  "Meeting",
  "CallLog",
  "AuditEvent",
  "ApiToken",
  "Invite",
  "ApiIdempotency",
  "CallbackEvent",
  "Batch",
  "BatchRow",
  "MeetingRoom",
  "MeetingOccurrence",
]);

/** Models owned through a parent that has the tenantId: the filter that reaches it. */
export const THROUGH: Record<string, (tenantId: string) => object> = {
  MeetingParticipant: (tenantId) => ({ meeting: { tenantId } }),
  WecomToken: (tenantId) => ({ app: { tenantId } }),
  CallbackNonce: (tenantId) => ({ app: { tenantId } }),
  Tenant: (tenantId) => ({ id: tenantId }),
};

/** The delegates a scoped client exposes: no global model (User, Lease, …), no raw SQL. */
export const SCOPED_DELEGATES = [
  "tenant",
  "membership",
  "corp",
  "app",
  "oaAccount",
  "mapping",
  "meeting",
  "meetingParticipant",
  "callLog",
  "auditEvent",
  "apiToken",
  "wecomToken",
  "invite",
  "apiIdempotency",
  "callbackEvent",
  "batch",
  "batchRow",
  "meetingRoom",
  "meetingOccurrence",
] as const;

/**
 * Foreign keys a scoped write may set, and what each must point at: a row of the
 * tenant ("corp", "app", …) or a user who is a member of it ("member").
 */
export const FOREIGN_KEYS: Record<string, Record<string, string>> = {
  App: { corpRowId: "corp" },
  Mapping: { corpRowId: "corp", oaAccountId: "oaAccount" },
  Meeting: {
    appId: "app",
    adminAccountId: "oaAccount",
    createdById: "member",
    createdByTokenId: "apiToken",
    movedFromOccurrenceId: "meetingOccurrence",
  },
  MeetingOccurrence: { meetingId: "meeting" },
  CallLog: { appId: "app", meetingId: "meeting" },
  MeetingParticipant: { oaAccountId: "oaAccount", meetingId: "meeting" },
  WecomToken: { appId: "app" },
  AuditEvent: { actorUserId: "member" },
  ApiToken: { createdById: "member", revokedById: "member" },
  ApiIdempotency: { tokenId: "apiToken" },
  CallbackEvent: { appId: "app", meetingId: "meeting" },
  Batch: { createdById: "member", createdByTokenId: "apiToken" },
  BatchRow: { batchId: "batch", bookedMeetingId: "meeting" },
  MeetingRoom: { corpRowId: "corp" },
};

/** Columns no scoped update may change (besides tenantId): identities and ownership. */
export const IMMUTABLE = new Set(["id", "tenantId", "userId", "meetingId", "appId"]);

/** Models a scoped caller may only add to: the call log and the audit trail are history. */
export const APPEND_ONLY = new Set(["CallLog", "AuditEvent"]);

/** Nested writes allowed in `data`: a meeting's own participants, nothing else. */
export const NESTED_WRITES: Record<string, Record<string, { model: string; ops: string[] }>> = {
  Meeting: {
    participants: { model: "MeetingParticipant", ops: ["create", "createMany", "deleteMany"] },
  },
};

/** Every relation field of every model: what `data` may not write into, but for the above. */
export const RELATIONS = new Set([
  "tenant",
  "memberships",
  "corps",
  "apps",
  "oaAccounts",
  "mappings",
  "meetings",
  "callLogs",
  "auditEvents",
  "apiTokens",
  "user",
  "corp",
  "tokens",
  "adminMeetings",
  "participants",
  "oaAccount",
  "app",
  "admin",
  "createdBy",
  "meeting",
  "actor",
  "invites",
  "createdByToken",
  "idempotency",
  "token",
  "apiIdempotency",
  "callbackEvents",
  "batches",
  "batchRows",
  "batch",
  "rows",
  "rooms",
  "meetingRooms",
  "occurrences",
  "movedFromOccurrence",
  "movedTo",
]);

/** Relations that lead to a User, who may belong to other tenants too. */
export const TO_USER = new Set(["user", "createdBy", "actor"]);
/** A User's relations: following one from a scoped read would leave the tenant. */
export const USER_RELATIONS = new Set([
  "memberships",
  "meetings",
  "auditEvents",
  "apiTokens",
  "_count",
]);

/** Never selected, filtered or sorted on through a scoped client. */
export const FORBIDDEN_KEYS = new Set(["passwordHash"]);

/** The operations a scoped delegate offers; nothing else (no $parent, no fields). */
export const SCOPED_OPERATIONS = [
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
] as const;
