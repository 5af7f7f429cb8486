// Reading a WeCom answer without trusting its size: WeCom's JSON answers are a few kB, so
// anything past MAX_BODY_BYTES is not WeCom's and is not read further (the stream is
// cancelled, which ends the connection), and an answer that is not JSON is kept in the
// call log only as far as LOGGED_NON_JSON_CHARS.
export const MAX_BODY_BYTES = 1024 * 1024;
export const LOGGED_NON_JSON_CHARS = 2000;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  /** What was read before giving up, decoded. */
  readonly head: string;
  constructor(head: string, limit: number) {
    super(`answer larger than ${limit} bytes; not read further`);
    this.head = head;
  }
}

/** The body as text, streamed; throws BodyTooLargeError past `limit` bytes. */
export async function readBoundedText(res: Response, limit = MAX_BODY_BYTES): Promise<string> {
  if (!res.body) return "";
  const declared = Number(res.headers.get("content-length"));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  if (Number.isFinite(declared) && declared > limit) {
    await reader.cancel().catch(() => undefined);
    throw new BodyTooLargeError("", limit);
  }
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(text.slice(0, LOGGED_NON_JSON_CHARS), limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** A non-JSON answer as the call log keeps it: its head and how long it was. */
export function truncatedForLog(text: string): string {
  if (text.length <= LOGGED_NON_JSON_CHARS) return text;
  return `${text.slice(0, LOGGED_NON_JSON_CHARS)}… [${text.length - LOGGED_NON_JSON_CHARS} more characters not logged]`;
}
