// Texts of API answers in the caller's language, from the UI's one catalogue: field and
// domain messages are the booking form's ("booking.errors", the same keys lib/meetings
// returns), the API's own words are under "httpApi", a batch's under "batches.errors".
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { translateMsg } from "@/lib/i18n/translate-msg";
import { decodeMsg } from "@/lib/schemas/messages";

type Params = Record<string, string | number>;
type Translate = (key: string, params?: Params) => string;

export interface ApiTexts {
  /** An encoded message (lib/schemas/messages.ts): an "httpApi.details" key, else the form's. */
  message(encoded: string | undefined): string;
  title(type: string): string;
}

const cache = new Map<Locale, ApiTexts>();

export function apiTexts(locale: Locale): ApiTexts {
  const hit = cache.get(locale);
  if (hit) return hit;
  const messages = locale === "en" ? en : zh;
  const booking = createTranslator({ locale, messages, namespace: "booking.errors" });
  const api = createTranslator({ locale, messages, namespace: "httpApi" });
  const apiT = api as unknown as Translate & { has(key: string): boolean };
  // The batch's own messages (lib/batches), for POST and GET /batches.
  const batches = createTranslator({ locale, messages, namespace: "batches.errors" });
  const batchT = batches as unknown as Translate & { has(key: string): boolean };
  const texts: ApiTexts = {
    message(encoded) {
      const { key, params } = decodeMsg(encoded);
      if (apiT.has(`details.${key}`)) return apiT(`details.${key}`, params);
      if (batchT.has(key)) return batchT(key, params);
      return translateMsg(booking as unknown as Translate, encoded);
    },
    title: (type) => (apiT.has(`titles.${type}`) ? apiT(`titles.${type}`) : type),
  };
  cache.set(locale, texts);
  return texts;
}
