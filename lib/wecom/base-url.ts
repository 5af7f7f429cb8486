// Where an app's credentials may be sent: WeCom's official API base, plus the bases the
// operator lists in MEETBRIDGE_WECOM_BASE_URLS (the bundled simulator for the demo and the
// tests). Checked where app settings are saved (lib/apps/save-app.ts) and again before
// every WeCom call (http.ts), so that a row pointing elsewhere, written before the check
// existed or straight into the database, is never called with its secret.
import { env } from "@/lib/env.js";
import { OFFICIAL_WECOM_BASE_URL } from "./official-base-url.ts";

/**
 * Simulators started in this process by tests and benches, on a port chosen at start.
 * On globalThis: the test harnesses import modules afresh (vi.resetModules) after starting.
 */
const g = globalThis as unknown as { meetbridgeStartedSimulators?: Set<string> };
const started = (g.meetbridgeStartedSimulators ??= new Set<string>());

/** The form a base URL is compared in: parsed (host lower-cased), ending with a slash. */
export function canonicalBaseUrl(value: string): string | null {
  try {
    const url = new URL(value.endsWith("/") ? value : `${value}/`);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The allow-list: the official base first, then the operator's, then started simulators. */
export function allowedWecomBaseUrls(): string[] {
  const listed = (env.MEETBRIDGE_WECOM_BASE_URLS ?? "")
    .split(",")
    .map((entry) => canonicalBaseUrl(entry.trim()))
    .filter((entry): entry is string => entry !== null);
  return [...new Set([OFFICIAL_WECOM_BASE_URL, ...listed, ...started])];
}

export function isAllowedWecomBaseUrl(value: string): boolean {
  const canonical = canonicalBaseUrl(value);
  return canonical !== null && allowedWecomBaseUrls().includes(canonical);
}

/**
 * Tests and benches only (lib/wecom/testing/sim-harness.ts): a simulator they started on a
 * free port joins the list for this process. Nothing a request carries reaches this.
 */
export function allowStartedSimulator(baseUrl: string): void {
  const canonical = canonicalBaseUrl(baseUrl);
  if (canonical) started.add(canonical);
}
