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

/** JSON's and the form's ways of leaving a value out: absent, null, an empty number box. */
export function isMissing(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === "number" && isNaN(input));
}

/**
 * A field's type error, as zod's `error` option: "required" only when the value is
 * missing; a value of another type (a number as a string, an object for a list) gets the
 * field's own message, `wrong`. The form and the HTTP API parse with the same schema, so
 * both say the same.
 */
export function typeError(wrong: string = "invalid") {
  return { error: (issue: { input?: unknown }) => (isMissing(issue.input) ? "required" : wrong) };
}
