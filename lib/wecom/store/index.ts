// Storage seams of the WeCom client. The Prisma implementations are imported from
// their own files so that tests and the bench never load a database client.
export type { CallLogEntry, CallLogSink, TokenRecord, TokenStore } from "./types.ts";
export { MemoryTokenStore } from "./memory-token-store.ts";
export { MemoryCallLog } from "./memory-call-log.ts";
