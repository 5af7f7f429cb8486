// The callback URLs an admin pastes into the WeCom console: absolute, on MeetBridge's
// public address (MEETBRIDGE_PUBLIC_URL), else on the address the admin's browser used.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env.js";

export interface CallbackUrls {
  /** the app's data callback (meeting events) */
  data: string;
  /** third-party apps: the suite's instruction callback (suite_ticket, authorisations) */
  suite: string | null;
}

/** The origin WeCom should call: the configured public URL, or this request's origin. */
export async function publicOrigin(): Promise<string> {
  if (env.MEETBRIDGE_PUBLIC_URL) return env.MEETBRIDGE_PUBLIC_URL.replace(/\/+$/, "");
  const h = await headers();
  // Forwarded headers only from a proxy MeetBridge is told to trust.
  const proxied = env.TRUSTED_PROXY_HOPS > 0;
  const host = (proxied && h.get("x-forwarded-host")) || h.get("host") || "localhost";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = (proxied && h.get("x-forwarded-proto")) || (local ? "http" : "https");
  return `${proto.split(",")[0]!.trim()}://${host}`;
}

export function callbackUrlsOf(
  origin: string,
  app: { id: string; kind: "self_built" | "third_party" | "custom" },
): CallbackUrls {
  const id = encodeURIComponent(app.id);
  return {
    data: `${origin}/api/wecom/callback/${id}`,
    suite: app.kind === "third_party" ? `${origin}/api/wecom/suite/${id}` : null,
  };
}
