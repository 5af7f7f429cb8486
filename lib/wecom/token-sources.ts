// How each app kind obtains its tokens (api doc, "Access tokens"):
// self-built and customised-development apps call gettoken with the app's secret;
// third-party apps get a suite_access_token, then exchange it for the corp's token.
import {
  SUITE_TOKEN_ERRCODES,
  WecomConfigError,
  WecomError,
  WecomTransportError,
} from "./errors.ts";
import { wecomRequest, type HttpDeps } from "./http.ts";
import { accessTokenSchema, suiteTokenSchema } from "./schemas.ts";
import type { FetchedToken, TokenFetch, TokenManager } from "./token-manager.ts";
import type { WecomAppCredentials, WecomOperation } from "./types.ts";

function required(app: WecomAppCredentials, field: keyof WecomAppCredentials): string {
  const value = app[field];
  if (typeof value !== "string" || value === "")
    throw new WecomConfigError(app.id, app.name, field);
  return value;
}

function source(
  deps: HttpDeps,
  operation: WecomOperation,
  fetch: () => Promise<FetchedToken>,
): TokenFetch {
  return {
    fetch,
    // Enough for every attempt of the fetch with its backoff; a lapsed lease only
    // costs one more token fetch by another instance, never a wrong answer.
    leaseMs: deps.timeoutMs * deps.retry.maxAttempts + 15_000,
    waitTimeout: () =>
      new WecomTransportError({
        operation,
        appId: deps.app.id,
        appName: deps.app.name,
        appKind: deps.app.kind,
        failure: "timeout",
        detail: "timed out waiting for another instance to fetch the token",
      }),
  };
}

export function suiteTokenSource(deps: HttpDeps): TokenFetch {
  const { app } = deps;
  return source(deps, "service/get_suite_token", () =>
    wecomRequest(deps, {
      operation: "service/get_suite_token",
      method: "POST",
      path: "service/get_suite_token",
      body: {
        suite_id: required(app, "suiteId"),
        suite_secret: required(app, "suiteSecret"),
        suite_ticket: required(app, "suiteTicket"),
      },
      schema: suiteTokenSchema,
      idempotent: true,
    }),
  );
}

export function corpTokenSource(deps: HttpDeps, manager: TokenManager): TokenFetch {
  const { app } = deps;
  if (app.kind !== "third_party") {
    return source(deps, "gettoken", () =>
      wecomRequest(deps, {
        operation: "gettoken",
        method: "GET",
        path: "gettoken",
        // Customised-development apps: the app secret is their permanent code.
        query: {
          corpid: app.corpId,
          corpsecret:
            app.kind === "custom"
              ? (app.secret ?? required(app, "permanentCode"))
              : required(app, "secret"),
        },
        schema: accessTokenSchema,
        idempotent: true,
      }),
    );
  }
  const getCorpToken = (suiteToken: string) =>
    wecomRequest(deps, {
      operation: "service/get_corp_token",
      method: "POST",
      path: "service/get_corp_token",
      query: { suite_access_token: suiteToken },
      body: { auth_corpid: app.corpId, permanent_code: required(app, "permanentCode") },
      schema: accessTokenSchema,
      idempotent: true,
      token: suiteToken,
    });
  return source(deps, "service/get_corp_token", async () => {
    const suite = suiteTokenSource(deps);
    const suiteToken = await manager.get(app.id, "suite", suite);
    try {
      return await getCorpToken(suiteToken);
    } catch (err) {
      // 42009: the suite token expired early; refresh it and try once more.
      if (!(err instanceof WecomError && SUITE_TOKEN_ERRCODES.has(err.errcode))) throw err;
      await manager.invalidate(app.id, "suite", suiteToken);
      return await getCorpToken(await manager.get(app.id, "suite", suite));
    }
  });
}
