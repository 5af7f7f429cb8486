// Validation messages travel as keys (with optional parameters) so that the browser,
// the server action and the HTTP API all say the same thing in the reader's language:
// each translates the key from the one catalogue (lib/i18n/messages, "booking.errors").
// Client-safe.

export type MessageParams = Record<string, string | number>;

/** Encodes a message key and its parameters as a zod issue message. */
export function msg(key: string, params?: MessageParams): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

/** The key and parameters of an encoded message; anything unreadable is "invalid". */
export function decodeMsg(message: string | undefined): { key: string; params: MessageParams } {
  if (!message) return { key: "invalid", params: {} };
  const bar = message.indexOf("|");
  if (bar < 0) return { key: message, params: {} };
  try {
    const params = JSON.parse(message.slice(bar + 1)) as MessageParams;
    return { key: message.slice(0, bar), params };
  } catch {
    return { key: message.slice(0, bar), params: {} };
  }
}
