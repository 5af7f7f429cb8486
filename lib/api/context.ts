// What the API's middleware leaves on each request for the routes: the caller's language,
// the authenticated key, and whether the domain has already audited the call.
import type { Context } from "hono";
import type { ApiPrincipal } from "@/lib/api-keys/authenticate";
import type { Locale } from "@/lib/i18n/config";
import type { MeetingDeps } from "@/lib/meetings/deps";

export interface ApiEnv {
  Variables: {
    locale: Locale;
    principal: ApiPrincipal;
    /** Set by a route whose change lib/meetings recorded: no separate api.call event. */
    audited: boolean;
    deps: MeetingDeps;
  };
}

export type ApiContext = Context<ApiEnv>;
