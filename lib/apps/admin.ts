// What the corp and app settings functions share: who acts, what they report back for
// the audit trail, and how a refused input reads (message keys of "appsAdmin.errors").
import "server-only";
import type { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { msg } from "@/lib/schemas/messages";
import type { WecomLocale } from "@/lib/wecom";

export interface AppsAdminActor {
  /** The tenant's scoped database. */
  db: TenantDb;
  tenantId: string;
  /** The language the check's findings are said in. */
  locale: WecomLocale;
}

/** One audit event the caller records (lib/audit/record-audit.ts): never a secret's value. */
export interface AuditChange {
  action: string;
  objectType: "corp" | "app";
  objectId: string;
  diff?: Record<string, unknown>;
}

export interface Refused {
  ok: false;
  /** Message keys by form field. */
  fieldErrors: Record<string, string>;
  formError?: string;
}

/** The first issue of each known field (the form shows one message per field). */
export function refusedBy(error: z.ZodError, fields: readonly string[]): Refused {
  const fieldErrors: Record<string, string> = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && fields.includes(field)) fieldErrors[field] ??= issue.message;
    else formError ??= issue.message;
  }
  return { ok: false, fieldErrors, formError };
}

export const notFound = (): Refused => ({ ok: false, fieldErrors: {}, formError: msg("notFound") });

export type Change = { from: unknown; to: unknown };

/** The fields whose value changed, as the audit trail records them. */
export function changes<T extends object>(
  before: T,
  after: Partial<T>,
  keys: readonly (keyof T & string)[],
): Record<string, Change> {
  const diff: Record<string, Change> = {};
  for (const key of keys) {
    if (!(key in after) || after[key] === before[key]) continue;
    diff[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return diff;
}
