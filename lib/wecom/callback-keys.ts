// The Token and EncodingAESKey an admin pastes into the WeCom console: their shapes, and
// fresh random ones. Client-safe (Web Crypto, no Buffer), so the app form can validate
// and generate them in the browser; lib/wecom/callback-crypto.ts re-exports the check.

/** 43 characters of base64 without the trailing "=": always 32 bytes once "=" is added. */
export function isEncodingAesKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}$/.test(value);
}

/** WeCom's Token: English letters and digits, at most 32. */
export function isCallbackToken(value: string): boolean {
  return /^[A-Za-z0-9]{1,32}$/.test(value);
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64 = `${ALPHANUMERIC}+/`;

function randomFrom(alphabet: string, length: number): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const b of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** A fresh Token and EncodingAESKey, for the "生成" button. */
export function randomCallbackKeys(): { token: string; encodingAesKey: string } {
  return { token: randomFrom(ALPHANUMERIC, 32), encodingAesKey: randomFrom(BASE64, 43) };
}
