// Who changes OA accounts and mappings: the signed-in admin through the browser (the form,
// an import, a verification), or MeetBridge itself (tests, benchmarks, a seed).
import type { TenantDb } from "@/lib/db/tenant-scope";
import type { WecomLocale } from "@/lib/wecom";

export interface AccountActor {
  /** The database scoped to the actor's tenant. */
  db: TenantDb;
  tenantId: string;
  userId: string | null;
  source: "web" | "api" | "system";
  locale: WecomLocale;
  ip?: string | null;
  userAgent?: string | null;
}

/** A refusal for the person: messages are encoded keys of "accountsAdmin.errors". */
export type AccountResult<T> =
  ({ ok: true } & T) | { ok: false; fieldErrors?: Record<string, string>; formError?: string };
