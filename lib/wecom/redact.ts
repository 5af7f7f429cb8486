// Redaction for the call log (报文). Two layers, because either alone leaks:
// by key (any depth of a JSON body, any query parameter) catches secrets we have
// never seen, such as a freshly issued token in a gettoken response; by value catches
// a known secret wherever it turns up, such as an error message that quotes a URL.
export const REDACTED = "[REDACTED]";

/** Keys whose values never reach the log. `password` is the meeting password. */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  "access_token",
  "suite_access_token",
  "corpsecret",
  "secret",
  "suite_secret",
  "suite_ticket",
  "permanent_code",
  "password",
]);

// Values shorter than this are not scrubbed by value: they would blank out ordinary
// text, and every real credential is far longer.
const MIN_SCRUB_LENGTH = 6;

/** What a secret key's value becomes; the call log keeps nothing of it. */
export type Replace = (key: string, value: unknown) => unknown;
const replaceAll: Replace = () => REDACTED;

function redactValue(value: unknown, replace: Replace): unknown {
  if (Array.isArray(value)) return value.map((v) => redactValue(v, replace));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEYS.has(k.toLowerCase())
        ? replace(k.toLowerCase(), v)
        : redactValue(v, replace);
    return out;
  }
  return value;
}

/** A copy of a JSON-like value with every secret key's value replaced, at any depth. */
export function redactJson<T>(value: T, replace: Replace = replaceAll): T {
  return redactValue(value, replace) as T;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const keyAlternation = [...SECRET_KEYS].map(escapeRe).join("|");
// `"key": "value"` / `"key": 123` in text that is not valid JSON (truncated, HTML, …).
const jsonPairRe = new RegExp(
  `("(?:${keyAlternation})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`,
  "gi",
);
const queryPairRe = new RegExp(`([?&](?:${keyAlternation})=)[^&#\\s"]*`, "gi");

/** Replaces every occurrence of the given secret values. */
export function scrubValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= MIN_SCRUB_LENGTH) out = out.split(s).join(REDACTED);
    // A secret may appear URL-encoded in a query string.
    const encoded = encodeURIComponent(s);
    if (encoded !== s && encoded.length >= MIN_SCRUB_LENGTH)
      out = out.split(encoded).join(REDACTED);
  }
  return out;
}

export function redactUrl(url: string, secrets: readonly string[] = []): string {
  let out: string;
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) {
      if (SECRET_KEYS.has(key.toLowerCase())) u.searchParams.set(key, REDACTED);
    }
    // URLSearchParams encodes the brackets; keep the marker readable.
    out = u.toString().split(encodeURIComponent(REDACTED)).join(REDACTED);
  } catch {
    out = url.replace(queryPairRe, `$1${REDACTED}`);
  }
  return scrubValues(out, secrets);
}

/** Redacts a request or response body: parsed as JSON when it is, by pattern when not. */
export function redactBody(body: string, secrets: readonly string[] = []): string {
  let out: string;
  try {
    out = JSON.stringify(redactJson(JSON.parse(body) as unknown));
  } catch {
    out = body.replace(jsonPairRe, `$1"${REDACTED}"`).replace(queryPairRe, `$1${REDACTED}`);
  }
  return scrubValues(out, secrets);
}

/** Free text such as an error message: by pattern and by value. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return scrubValues(
    text.replace(queryPairRe, `$1${REDACTED}`).replace(jsonPairRe, `$1"${REDACTED}"`),
    secrets,
  );
}

/** Elements of a decrypted callback whose text never reaches the log or the database. */
const SECRET_XML_ELEMENTS = ["SuiteTicket", "AuthCode", "PermanentCode"];
const xmlElementRe = new RegExp(`<(${SECRET_XML_ELEMENTS.join("|")})>([\\s\\S]*?)</\\1>`, "g");

/** A decrypted callback's XML with its secrets (suite ticket, auth code) replaced. */
export function redactCallbackXml(xml: string, secrets: readonly string[] = []): string {
  return scrubValues(
    xml.replace(xmlElementRe, (_, name: string) => `<${name}>${REDACTED}</${name}>`),
    secrets,
  );
}
