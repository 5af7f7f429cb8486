"use server";

import { z } from "zod";
import { verifyMappingsBatch, type VerifyBatchResult } from "@/lib/accounts/verify-mappings";
import { msg } from "@/lib/schemas/messages";
import { accountAccess, revalidateAccounts } from "./account-access";

export type VerifyMappingsActionResult =
  ({ ok: true } & VerifyBatchResult) | { ok: false; formError: string };

const input = z.object({
  cursor: z.string().min(1).max(64).nullable().default(null),
  accountId: z.string().min(1).max(64).optional(),
  /** An import's verifySince: the userids it wrote. */
  createdSince: z.iso.datetime().optional(),
});

/**
 * Verifies the next batch (50) of the tenant's mappings, or of one account's, against
 * WeCom. The browser calls it again with `nextCursor` until `done`, showing the progress.
 */
export async function verifyMappingsAction(args: unknown): Promise<VerifyMappingsActionResult> {
  const access = await accountAccess();
  const { tr } = access;
  if (!access.ok) return { ok: false, formError: tr(msg("forbidden")) };
  const parsed = input.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, formError: tr(msg("invalid")) };
  const { createdSince, ...rest } = parsed.data;
  const result = await verifyMappingsBatch(access.actor, {
    ...rest,
    ...(createdSince ? { createdSince: new Date(createdSince) } : {}),
  });
  if (result.done) revalidateAccounts(parsed.data.accountId);
  return { ok: true, ...result, ...(result.error ? { error: tr(result.error) } : {}) };
}
