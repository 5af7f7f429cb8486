// The authorise step the API-keys page's actions share: "settings:api" (owners and
// admins) in the session's tenant, and refusals in the reader's language
// ("apiKeys.errors"). After a change the page is read again.
import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getTenantContext, type TenantContext } from "@/lib/auth/tenant-context";
import { translateMsg } from "@/lib/i18n/translate-msg";

export type ApiKeysRefusal = {
  ok: false;
  /** Translated messages, keyed by form field. */
  fieldErrors: Partial<Record<"name" | "role", string>>;
  formError?: string;
};

/** The session allowed to manage keys (or null), and the refusals' translator. */
export async function apiKeysAccess(): Promise<{
  ctx: TenantContext | null;
  tr: (m: string | undefined) => string;
}> {
  const [ctx, t] = await Promise.all([getTenantContext(), getTranslations("apiKeys.errors")]);
  return {
    ctx: ctx && ctx.can("settings:api") ? ctx : null,
    tr: (m) => translateMsg(t as never, m),
  };
}

export const refused = (formError: string): ApiKeysRefusal => ({
  ok: false,
  fieldErrors: {},
  formError,
});

export function revalidateApiKeys(): void {
  revalidatePath("/settings/api");
}
