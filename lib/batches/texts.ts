// The batch's encoded messages (lib/schemas/messages.ts) in a reader's language: the
// batch's own words under "batches.errors", everything else the booking form's
// ("booking.errors", via translateMsg). Shared by the page's actions, the result CSV and
// the HTTP API, so each says the same thing.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { decodeMsg } from "@/lib/schemas/messages";

type Translate = ((key: string, params?: Record<string, string | number>) => string) & {
  has(key: string): boolean;
};

const cache = new Map<Locale, (encoded: string | undefined | null) => string>();

export function batchMessages(locale: Locale): (encoded: string | undefined | null) => string {
  const hit = cache.get(locale);
  if (hit) return hit;
  const messages = locale === "en" ? en : zh;
  const own = createTranslator({
    locale,
    messages,
    namespace: "batches.errors",
  }) as unknown as Translate;
  const booking = createTranslator({ locale, messages, namespace: "booking.errors" });
  const fn = (encoded: string | undefined | null) => {
    if (!encoded) return "";
    const { key, params } = decodeMsg(encoded);
    if (own.has(key)) return own(key, params);
    return translateMsg(booking as unknown as Translate, encoded);
  };
  cache.set(locale, fn);
  return fn;
}
