import { decodeMsg } from "@/lib/schemas/messages";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The text of an encoded validation message (lib/schemas/messages.ts) in the reader's
 * language, from the "booking.errors" catalogue; WeCom's own explanations arrive already
 * written (key "wecom"). Shared by the form, the action and the API.
 */
export function translateMsg(t: Translate, encoded: string | undefined): string {
  const { key, params } = decodeMsg(encoded);
  if (key === "wecom") return String(params.text ?? "");
  try {
    return t(key, params);
  } catch {
    return t("invalid");
  }
}
