// A callback body is a few hundred bytes of XML; anything far larger is not WeCom's.
export const MAX_CALLBACK_BODY_BYTES = 64 * 1024;

/** The request body as text, or null when it exceeds the bound (read no further). */
export async function readBoundedBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_CALLBACK_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CALLBACK_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The ciphertext of the envelope `<xml>…<Encrypt>…</Encrypt></xml>`: base64 only. */
export function envelopeCiphertext(body: string): string | null {
  const m =
    /<Encrypt>\s*(?:<!\[CDATA\[\s*([A-Za-z0-9+/=]+)\s*\]\]>|([A-Za-z0-9+/=]+))\s*<\/Encrypt>/.exec(
      body,
    );
  return m ? (m[1] ?? m[2] ?? null) : null;
}
