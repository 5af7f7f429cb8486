// What the code serving a request knows of it (tenant, user or API key name, the route
// pattern), noted under the request id for the one log line written when the response
// finishes (request-log.ts). Kept on globalThis: the proxy, route handlers and pages of
// one process share it. Entries leave when their response finishes; a cap keeps a request
// that never finishes from holding memory.
export interface RequestNote {
  tenantId?: string;
  userId?: string;
  apiKeyName?: string;
  /** The route's pattern (/api/v1/meetings/:id), when the handler knows it. */
  route?: string;
}

const MAX_OPEN = 5_000;
const globalForNotes = globalThis as unknown as {
  meetbridgeRequestNotes?: Map<string, RequestNote>;
};
const notes = (globalForNotes.meetbridgeRequestNotes ??= new Map<string, RequestNote>());

/** Adds what is known of the request `requestId` (undefined outside a request: ignored). */
export function noteRequest(requestId: string | null | undefined, note: RequestNote): void {
  if (!requestId) return;
  if (!notes.has(requestId) && notes.size >= MAX_OPEN) {
    const oldest = notes.keys().next().value;
    if (oldest !== undefined) notes.delete(oldest);
  }
  notes.set(requestId, { ...notes.get(requestId), ...note });
}

/** The notes of a finished request, removed. */
export function takeRequestNote(requestId: string): RequestNote {
  const note = notes.get(requestId) ?? {};
  notes.delete(requestId);
  return note;
}

export const REQUEST_ID_HEADER = "x-request-id";
